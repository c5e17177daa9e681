using System.CommandLine;
using CareerMap.Data;
using CareerMap.Hosting;
using CareerMap.Infrastructure;
using CareerMap.Sample;
using static CareerMap.Cli.CareerMapCli;

namespace CareerMap.Cli;

/// <summary>`careermap serve` (and the default with no command): migrate, load the sample into an empty embedded database, serve.</summary>
static class ServeCommand
{
    public static Command Create()
    {
        var serve = new Command("serve", "Serve the web app and API (the default command)");
        var (urls, noDemo) = Options(serve);
        serve.SetAction((p, ct) => RunAsync(p, p.GetValue(urls)!, p.GetValue(noDemo), ct));
        return serve;
    }

    public static (Option<string> Urls, Option<bool> NoDemo) Options(Command command)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => CareerMapWeb.DefaultUrls };
        var noDemo = new Option<bool>("--no-demo") { Description = "Turn off one-click demo sign-in" };
        command.Options.Add(urls);
        command.Options.Add(noDemo);
        return (urls, noDemo);
    }

    public static async Task<int> RunAsync(ParseResult p, string urls, bool noDemo, CancellationToken ct)
    {
        var target = Target(p);
        await PrepareAsync(target, ct);
        var app = CareerMapWeb.Build(new WebSettings(target, urls, !noDemo));
        await app.StartAsync(ct);
        // So the first job description read does not wait a second for the models.
        JobDescriptions.MiniLmEmbedder.Warm();
        JobDescriptions.LineModel.Warm();
        JobDescriptions.SuggestionModel.Warm();
        var demo = app.Services.GetRequiredService<DemoMode>().Enabled;
        Console.WriteLine($"CareerMap is serving at {string.Join(", ", app.Urls)} ({target.Describe()}; demo sign-in {(demo ? "on" : "off")}). Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(ct);
        return Ok;
    }

    /// <summary>Migrates; the embedded default also gets the sample organization on first start.</summary>
    public static async Task PrepareAsync(DatabaseTarget target, CancellationToken ct = default)
    {
        if (!target.IsEmbedded)
        {
            await target.MigrateAsync(ct);
            return;
        }
        await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
        await scope.Get<SampleOrganization>().LoadAsync(ct);
    }
}
