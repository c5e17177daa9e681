using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareerMap.Pages.Admin;

/// <summary>Puts the framework's field errors (title, levels[2]) beside the form fields they belong to.</summary>
static class ModelErrors
{
    public static void Add(ModelStateDictionary state, string field, IEnumerable<string> messages, IReadOnlyCollection<string> fields, Dictionary<int, string>? indexed = null)
    {
        var root = field.Split('[', '.')[0];
        foreach (var message in messages.Select(Sentence))
        {
            if (indexed is not null && field.StartsWith(root + "[", StringComparison.Ordinal) && int.TryParse(field[(root.Length + 1)..field.IndexOf(']', StringComparison.Ordinal)], out var i))
                indexed[i] = message;
            else if (fields.Contains(root, StringComparer.OrdinalIgnoreCase))
                state.AddModelError($"Input.{char.ToUpperInvariant(root[0])}{root[1..]}", message);
            else
                state.AddModelError("", message);
        }
    }

    public static string Sentence(string message) => char.ToUpperInvariant(message[0]) + message[1..] + ".";
}
