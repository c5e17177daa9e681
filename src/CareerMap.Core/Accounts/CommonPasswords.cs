using Microsoft.AspNetCore.Identity;

namespace CareerMap.Accounts;

/// <summary>
/// NIST SP 800-63B §5.1.1.2: length, not composition, plus a check against values known to be common or leaked. A
/// password is refused when it, or it without the digits and symbols tacked on at either end ("Password2024!"), is
/// among the 30,000 most common leaked passwords shipped with the app, when it is one or two characters repeated, or
/// when it contains the account's own email name or the product's.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<AppUser>
{
    static readonly Lazy<HashSet<string>> List = new(Load);
    static readonly string[] ContextWords = ["careermap", "riverbend"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Problem(password ?? "", user.Email) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = problem })
            : IdentityResult.Success);

    /// <summary>Why a password is refused, or null.</summary>
    public static string? Problem(string password, string? email)
    {
        var folded = password.Trim().ToLowerInvariant();
        var core = folded.Trim(Decoration);
        if (List.Value.Contains(folded) || (core.Length >= 4 && List.Value.Contains(core)))
            return "this password is one of the most common leaked passwords (or one with a few digits or symbols added); choose a longer phrase of your own";
        if (folded.Distinct().Count() <= 2)
            return "this password repeats one or two characters; choose a longer phrase of your own";
        var name = email?.Split('@')[0].ToLowerInvariant();
        if (ContextWords.Append(name).OfType<string>().Any(w => w.Length >= 4 && folded.Contains(w, StringComparison.Ordinal)))
            return "this password contains your email name or the product's name; choose a phrase of your own";
        return null;
    }

    static readonly char[] Decoration = [.. "0123456789!@#$%^&*()-_=+.,;:?~`'\"[]{}<>/\\| "];

    static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("CareerMap.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("the common-password list is missing from the build");
        using var reader = new StreamReader(stream);
        var list = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') list.Add(line);
        return list;
    }
}
