namespace CareerMap.Pages.Reports;

/// <summary>The query string (with its "?") of a report's view, for its drill links and exports: a value in <c>more</c> replaces the view's own; empty values are left out.</summary>
public static class ReportQuery
{
    public static string Of((string Name, string? Value)[] view, (string Name, string? Value)[] more) =>
        QueryString.Create(view.Where(x => !more.Any(m => m.Name == x.Name)).Concat(more).Where(x => !string.IsNullOrEmpty(x.Value))
            .Select(x => new KeyValuePair<string, string?>(x.Name, x.Value))).ToUriComponent();
}
