using System.CommandLine;
using CareerMap.Accounts;
using CareerMap.Hosting;
using static CareerMap.Cli.CareerMapCli;

namespace CareerMap.Cli;

/// <summary>`careermap users add`: sign-in accounts with hashed passwords.</summary>
static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Manage sign-in accounts");
        var email = new Option<string>("--email") { Description = "The account's email, used to sign in", Required = true };
        var role = new Option<string>("--role") { Description = "employee, manager or admin", Required = true };
        role.AcceptOnlyFromAmong("employee", "manager", "admin");
        var employee = new Option<string?>("--employee") { Description = "The employee number this account signs in as" };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input" };
        var add = new Command("add", "Create an account with a hashed password");
        add.Options.Add(email);
        add.Options.Add(role);
        add.Options.Add(employee);
        add.Options.Add(stdin);
        add.SetAction(async (p, ct) =>
        {
            if (!p.GetValue(stdin)) return Fail("--password-stdin is required: pass the password on standard input, never on the command line", Usage);
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password)) return Fail("password: standard input was empty", BadInput);
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var result = await scope.Get<AccountService>()
                .CreateAsync(p.GetValue(email)!, AppRoles.FromCliName(p.GetValue(role)!)!, p.GetValue(employee), password);
            if (!result.Ok)
            {
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync($"error: {e}");
                return BadInput;
            }
            Console.WriteLine($"Created {p.GetValue(role)} account {p.GetValue(email)}");
            return Ok;
        });
        users.Subcommands.Add(add);
        return users;
    }
}
