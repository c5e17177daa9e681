using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace CareerMap.Framework;

/// <summary>
/// One text of an item beside its translation, keyed as the workbook's Translations sheet names fields ("name", "level 3").
/// Stale when the original was edited after the translation was made.
/// </summary>
public sealed record TranslatableText(string Key, string Original, string? Translated, bool Paragraph, bool Stale = false);

/// <summary>
/// An item whose texts lack a language, field by field ("levels", "title"), or whose translations were made from an
/// original since edited (Stale, by text: "summary", "level 3"), as HR is told about it.
/// </summary>
public sealed record MissingTranslation(IFrameworkCollection Collection, string Code, string Name, IReadOnlyList<string> Fields, IReadOnlyList<string> Stale);

/// <summary>
/// The framework's texts in a reader's language: each field from the item's translation into it, else the organization's
/// own text (a missing translation falls back field by field, and a list entry by entry).
/// </summary>
public static partial class FrameworkTranslations
{
    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    /// <summary>True when at least one item has a translation into the language.</summary>
    public static bool Has(FrameworkDocument d, string language) =>
        d.Grades.Any(x => Has(x.Translations, language)) || d.Units.Any(x => Has(x.Translations, language)) || d.Families.Any(x => Has(x.Translations, language))
        || d.Competencies.Any(x => Has(x.Translations, language)) || d.Roles.Any(x => Has(x.Translations, language)) || d.Duties.Any(x => Has(x.Translations, language))
        || d.Strategies.Any(x => Has(x.Translations, language)) || d.Moves.Any(x => Has(x.Translations, language));

    /// <summary>The document with every text in the language where a translation has it; codes and numbers unchanged, translations dropped.</summary>
    public static FrameworkDocument In(FrameworkDocument d, string language) => new()
    {
        Format = d.Format,
        Organization = d.Organization with { Language = language },
        Grades = [.. d.Grades.Select(g => Text(g.Translations, language) is { } t ? g with { Name = Pick(t.Name, g.Name), Translations = null } : g with { Translations = null })],
        Units = [.. d.Units.Select(u => Text(u.Translations, language) is { } t ? u with { Name = Pick(t.Name, u.Name), Description = PickOptional(t.Description, u.Description), Translations = null } : u with { Translations = null })],
        Families = [.. d.Families.Select(f => Text(f.Translations, language) is { } t ? f with { Name = Pick(t.Name, f.Name), Description = PickOptional(t.Description, f.Description), Translations = null } : f with { Translations = null })],
        Competencies = [.. d.Competencies.Select(c => Text(c.Translations, language) is { } t
            ? c with { Name = Pick(t.Name, c.Name), Definition = Pick(t.Definition, c.Definition), Levels = Pick(t.Levels, c.Levels), Indicators = Pick(t.Indicators, c.Indicators), Translations = null }
            : c with { Translations = null })],
        Roles = [.. d.Roles.Select(r => Text(r.Translations, language) is { } t
            ? r with { Title = Pick(t.Title, r.Title), Summary = PickOptional(t.Summary, r.Summary), Scope = PickOptional(t.Scope, r.Scope), Duties = Pick(t.Duties, r.Duties ?? []), Translations = null }
            : r with { Translations = null })],
        Requirements = d.Requirements,
        Duties = [.. d.Duties.Select(u => Text(u.Translations, language) is { } t
            ? u with { Name = Pick(t.Name, u.Name), Marks = [.. u.Marks.Select(m => t.Marks?.FirstOrDefault(x => x.Level == m.Level) is { } x && !string.IsNullOrWhiteSpace(x.Mark) ? m with { Mark = x.Mark } : m)], Translations = null }
            : u with { Translations = null })],
        Strategies = [.. d.Strategies.Select(s => Text(s.Translations, language) is { } t ? s with { Name = Pick(t.Name, s.Name), Description = PickOptional(t.Description, s.Description), Translations = null } : s with { Translations = null })],
        Moves = [.. d.Moves.Select(m => Text(m.Translations, language) is { } t ? m with { Note = PickOptional(t.Note, m.Note), Translations = null } : m with { Translations = null })],
    };

    /// <summary>Every item that lacks some of its texts in the language, in the document's order.</summary>
    public static IReadOnlyList<MissingTranslation> Missing(FrameworkDocument d, string language)
    {
        var missing = new List<MissingTranslation>();
        if (string.Equals(language, d.Organization.Language, StringComparison.OrdinalIgnoreCase)) return missing;
        void Check<T>(FrameworkCollection<T> collection, string name, IEnumerable<(string Field, bool Original, bool Translated)> fields, T item) where T : class
        {
            var lacking = fields.Where(f => f.Original && !f.Translated).Select(f => f.Field).ToList();
            var stale = Texts(item, language).Where(t => t.Stale).Select(t => t.Key).ToList();
            if (lacking.Count > 0 || stale.Count > 0) missing.Add(new(collection, collection.Key(item), name, lacking, stale));
        }
        foreach (var g in d.Grades)
        {
            var t = Text(g.Translations, language);
            Check(FrameworkCollections.Grades, g.Name, [("name", true, Given(t?.Name))], g);
        }
        foreach (var u in d.Units)
        {
            var t = Text(u.Translations, language);
            Check(FrameworkCollections.Units, u.Name, [("name", true, Given(t?.Name)), ("description", Given(u.Description), Given(t?.Description))], u);
        }
        foreach (var f in d.Families)
        {
            var t = Text(f.Translations, language);
            Check(FrameworkCollections.Families, f.Name, [("name", true, Given(t?.Name)), ("description", Given(f.Description), Given(t?.Description))], f);
        }
        foreach (var c in d.Competencies)
        {
            var t = Text(c.Translations, language);
            Check(FrameworkCollections.Competencies, c.Name, [("name", true, Given(t?.Name)), ("definition", true, Given(t?.Definition)),
                ("levels", c.Levels.Count > 0, Complete(t?.Levels, c.Levels)), ("indicators", c.Indicators.Count > 0, Complete(t?.Indicators, c.Indicators))], c);
        }
        foreach (var r in d.Roles)
        {
            var t = Text(r.Translations, language);
            Check(FrameworkCollections.Roles, r.Title, [("title", true, Given(t?.Title)), ("summary", Given(r.Summary), Given(t?.Summary)),
                ("scope", Given(r.Scope), Given(t?.Scope)), ("duties", r.Duties is { Count: > 0 }, Complete(t?.Duties, r.Duties ?? []))], r);
        }
        foreach (var u in d.Duties)
        {
            var t = Text(u.Translations, language);
            var worded = u.Marks.Where(m => IsWords(m.Mark)).ToList();
            Check(FrameworkCollections.Duties, u.Name, [("name", true, Given(t?.Name)),
                ("marks", worded.Count > 0, worded.All(m => t?.Marks?.Any(x => x.Level == m.Level && Given(x.Mark)) == true))], u);
        }
        foreach (var s in d.Strategies)
        {
            var t = Text(s.Translations, language);
            Check(FrameworkCollections.Strategies, s.Name, [("name", true, Given(t?.Name)), ("description", Given(s.Description), Given(t?.Description))], s);
        }
        foreach (var m in d.Moves)
        {
            var t = Text(m.Translations, language);
            Check(FrameworkCollections.Moves, m.Code, [("note", Given(m.Note), Given(t?.Note))], m);
        }
        return missing;
    }

    /// <summary>Every text of an item that has an original, beside its translation into the language (HR's translation form).</summary>
    public static IReadOnlyList<TranslatableText> Texts(object item, string language)
    {
        var texts = new List<TranslatableText>();
        var sources = TextOf(item, language)?.Sources;
        void One(string key, string? original, string? translated, bool isLong = false)
        {
            if (!Given(original)) return;
            var made = Given(translated) ? translated : null;
            texts.Add(new(key, original!, made, isLong, made is not null && sources?.TryGetValue(key, out var source) == true && source != Fingerprint(original!)));
        }
        void Many(string key, IReadOnlyList<string>? original, IReadOnlyList<string>? translated)
        {
            for (var i = 0; i < (original?.Count ?? 0); i++)
                One($"{key} {i + 1}", original![i], translated is not null && translated.Count == original.Count ? translated[i] : null, true);
        }
        switch (item)
        {
            case GradeDto g: One("name", g.Name, Text(g.Translations, language)?.Name); break;
            case UnitDto u: Named(u.Name, u.Description, Text(u.Translations, language)); break;
            case FamilyDto f: Named(f.Name, f.Description, Text(f.Translations, language)); break;
            case StrategyDto x: Named(x.Name, x.Description, Text(x.Translations, language)); break;
            case CompetencyDto c:
                var ct = Text(c.Translations, language);
                One("name", c.Name, ct?.Name);
                One("definition", c.Definition, ct?.Definition, true);
                Many("level", c.Levels, ct?.Levels);
                Many("indicator", c.Indicators, ct?.Indicators);
                break;
            case RoleDto r:
                var rt = Text(r.Translations, language);
                One("title", r.Title, rt?.Title);
                One("summary", r.Summary, rt?.Summary, true);
                One("scope", r.Scope, rt?.Scope, true);
                Many("duty", r.Duties, rt?.Duties);
                break;
            case DutyDto u:
                var ut = Text(u.Translations, language);
                One("name", u.Name, ut?.Name);
                foreach (var m in u.Marks.Where(m => IsWords(m.Mark))) One($"mark {m.Level}", m.Mark, ut?.Marks?.FirstOrDefault(x => x.Level == m.Level)?.Mark);
                break;
            case MoveDto m: One("note", m.Note, Text(m.Translations, language)?.Note, true); break;
        }
        return texts;

        void Named(string name, string? description, NameText? t)
        {
            One("name", name, t?.Name);
            One("description", description, t?.Description, true);
        }
    }

    /// <summary>
    /// The item with its translation into the language replaced by the given texts (keys as <see cref="Texts"/> gives them;
    /// blank ones left untranslated). Keys in <paramref name="confirmed"/> are marked as made from today's original even
    /// when their text is unchanged (HR checked a stale translation and found it still right).
    /// </summary>
    public static T WithTexts<T>(T item, string language, IReadOnlyDictionary<string, string?> texts, IReadOnlySet<string>? confirmed = null) where T : class
    {
        string? One(string key) => texts.TryGetValue(key, out var v) && Given(v) ? v!.Trim() : null;
        List<string>? Many(string key, int count)
        {
            var list = Enumerable.Range(1, count).Select(i => One($"{key} {i}") ?? "").ToList();
            return list.Any(Given) ? list : null;
        }
        IReadOnlyDictionary<string, TText>? Replace<TText>(IReadOnlyDictionary<string, TText>? current, TText text, bool empty)
        {
            var next = (current ?? new Dictionary<string, TText>()).Where(x => x.Key != language).ToDictionary(x => x.Key, x => x.Value);
            if (!empty) next[language] = text;
            return next.Count > 0 ? next : null;
        }
        NameText Named() => new(One("name"), One("description"));
        static bool Empty(params object?[] fields) => fields.All(f => f is null);
        object result = item switch
        {
            GradeDto g => g with { Translations = Replace(g.Translations, Named(), One("name") is null) },
            UnitDto u => u with { Translations = Replace(u.Translations, Named(), Empty(One("name"), One("description"))) },
            FamilyDto f => f with { Translations = Replace(f.Translations, Named(), Empty(One("name"), One("description"))) },
            StrategyDto x => x with { Translations = Replace(x.Translations, Named(), Empty(One("name"), One("description"))) },
            CompetencyDto c when new CompetencyText(One("name"), One("definition"), Many("level", c.Levels.Count), Many("indicator", c.Indicators.Count)) is var t =>
                c with { Translations = Replace(c.Translations, t, Empty(t.Name, t.Definition, t.Levels, t.Indicators)) },
            RoleDto r when new RoleText(One("title"), One("summary"), One("scope"), Many("duty", r.Duties?.Count ?? 0)) is var t =>
                r with { Translations = Replace(r.Translations, t, Empty(t.Title, t.Summary, t.Scope, t.Duties)) },
            DutyDto u when new DutyText(One("name"), u.Marks.Where(m => IsWords(m.Mark)).Select(m => One($"mark {m.Level}") is { } x ? new DutyMarkDto(m.Level, x) : null)
                .OfType<DutyMarkDto>().ToList() is { Count: > 0 } marks ? marks : null) is var t =>
                u with { Translations = Replace(u.Translations, t, Empty(t.Name, t.Marks)) },
            MoveDto m => m with { Translations = Replace(m.Translations, new MoveText(One("note")), One("note") is null) },
            _ => throw new ArgumentException($"{typeof(T).Name} has no texts to translate", nameof(item)),
        };
        if (confirmed is null || confirmed.Count == 0) return (T)result;
        var current = Texts(result, language).Where(t => t.Translated is not null && confirmed.Contains(t.Key)).ToDictionary(t => t.Key, t => Fingerprint(t.Original));
        return current.Count > 0 ? WithSources((T)result, language, current) : (T)result;
    }

    /// <summary>
    /// A fingerprint of an original text, kept beside its translation: spacing and line breaks do not count as an edit.
    /// The leading # keeps a spreadsheet from reading it as a number ("30620e172592").
    /// </summary>
    public static string Fingerprint(string original) =>
        "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', original.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))))[..12];

    /// <summary>
    /// Records, in every translation of every item about to be written, which original each translated text was made
    /// from. A text changed since <paramref name="before"/> was made now, from today's original. Otherwise a text that
    /// carries its source keeps it; a new one without is made from today's original; an unchanged one keeps the source it
    /// had, and if it had none (written before sources were kept) while its original changed now, it was made from the old.
    /// </summary>
    public static void Stamp(FrameworkDocument before, FrameworkDocument after)
    {
        static void Each<T>(FrameworkCollection<T> collection, FrameworkDocument before, FrameworkDocument after) where T : class
        {
            var old = collection.Items(before).GroupBy(collection.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var items = collection.Items(after);
            for (var i = 0; i < items.Count; i++) items[i] = Stamped(items[i], old.GetValueOrDefault(collection.Key(items[i])));
        }
        Each(FrameworkCollections.Grades, before, after);
        Each(FrameworkCollections.Units, before, after);
        Each(FrameworkCollections.Families, before, after);
        Each(FrameworkCollections.Competencies, before, after);
        Each(FrameworkCollections.Roles, before, after);
        Each(FrameworkCollections.Duties, before, after);
        Each(FrameworkCollections.Strategies, before, after);
        Each(FrameworkCollections.Moves, before, after);
    }

    static T Stamped<T>(T item, T? before) where T : class
    {
        foreach (var language in LanguagesOf(item))
        {
            var given = TextOf(item, language)!.Sources;
            var then = before is null ? null : Texts(before, language).ToDictionary(t => t.Key);
            var thenSources = before is null ? null : TextOf(before, language)?.Sources;
            var sources = new Dictionary<string, string>();
            foreach (var t in Texts(item, language).Where(t => t.Translated is not null))
            {
                var old = then?.GetValueOrDefault(t.Key);
                if (old?.Translated is { } was && was != t.Translated) sources[t.Key] = Fingerprint(t.Original);
                else if (given?.TryGetValue(t.Key, out var source) == true) sources[t.Key] = source;
                else if (old?.Translated is null) sources[t.Key] = Fingerprint(t.Original);
                else if (thenSources?.TryGetValue(t.Key, out source) == true) sources[t.Key] = source;
                else if (Fingerprint(old.Original) != Fingerprint(t.Original)) sources[t.Key] = Fingerprint(old.Original);
            }
            if (!SameSources(given, sources)) item = WithSources(item, language, sources.Count > 0 ? sources : null, replace: true);
        }
        return item;
    }

    static bool SameSources(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string> b) =>
        (a?.Count ?? 0) == b.Count && b.All(x => a!.TryGetValue(x.Key, out var v) && v == x.Value);

    static IEnumerable<string> LanguagesOf(object item) => item switch
    {
        GradeDto g => g.Translations?.Keys ?? [],
        UnitDto u => u.Translations?.Keys ?? [],
        FamilyDto f => f.Translations?.Keys ?? [],
        StrategyDto x => x.Translations?.Keys ?? [],
        CompetencyDto c => c.Translations?.Keys ?? [],
        RoleDto r => r.Translations?.Keys ?? [],
        DutyDto u => u.Translations?.Keys ?? [],
        MoveDto m => m.Translations?.Keys ?? [],
        _ => [],
    };

    static ITranslatedText? TextOf(object item, string language) => item switch
    {
        GradeDto g => Text(g.Translations, language),
        UnitDto u => Text(u.Translations, language),
        FamilyDto f => Text(f.Translations, language),
        StrategyDto x => Text(x.Translations, language),
        CompetencyDto c => Text(c.Translations, language),
        RoleDto r => Text(r.Translations, language),
        DutyDto u => Text(u.Translations, language),
        MoveDto m => Text(m.Translations, language),
        _ => null,
    };

    /// <summary>The item with the sources of its translation into the language merged with (or, with replace, set to) the given ones.</summary>
    static T WithSources<T>(T item, string language, IReadOnlyDictionary<string, string>? sources, bool replace = false) where T : class
    {
        IReadOnlyDictionary<string, string>? Merged(IReadOnlyDictionary<string, string>? current) =>
            replace || current is null ? sources : current.Concat(sources ?? new Dictionary<string, string>()).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        IReadOnlyDictionary<string, TText>? Set<TText>(IReadOnlyDictionary<string, TText>? translations, Func<TText, TText> change) where TText : class =>
            translations?.ToDictionary(x => x.Key, x => x.Key == language ? change(x.Value) : x.Value);
        object result = item switch
        {
            GradeDto g => g with { Translations = Set(g.Translations, t => t with { Sources = Merged(t.Sources) }) },
            UnitDto u => u with { Translations = Set(u.Translations, t => t with { Sources = Merged(t.Sources) }) },
            FamilyDto f => f with { Translations = Set(f.Translations, t => t with { Sources = Merged(t.Sources) }) },
            StrategyDto x => x with { Translations = Set(x.Translations, t => t with { Sources = Merged(t.Sources) }) },
            CompetencyDto c => c with { Translations = Set(c.Translations, t => t with { Sources = Merged(t.Sources) }) },
            RoleDto r => r with { Translations = Set(r.Translations, t => t with { Sources = Merged(t.Sources) }) },
            DutyDto u => u with { Translations = Set(u.Translations, t => t with { Sources = Merged(t.Sources) }) },
            MoveDto m => m with { Translations = Set(m.Translations, t => t with { Sources = Merged(t.Sources) }) },
            _ => item,
        };
        return (T)result;
    }

    /// <summary>A duty-matrix mark that is words to translate, not the plain "X" every language reads alike.</summary>
    public static bool IsWords(string mark) => !string.Equals(mark.Trim(), "X", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The framework's rules for translations: a language code, never the framework's own language. A translated list whose
    /// length no longer matches the original (HR added an indicator since) is not refused: it reads in the original and is
    /// listed as missing until it is translated again.
    /// </summary>
    internal static void Validate(FrameworkDocument d, Action<string, string> add, IStringLocalizer L)
    {
        var own = d.Organization.Language;
        if (string.IsNullOrWhiteSpace(own) || !LanguageCode().IsMatch(own))
            add("organization.language", L["language '{0}' must be a two-letter lowercase language code such as en or es", own]);
        void Each(string collection, IEnumerable<IEnumerable<string>?> languages)
        {
            var i = 0;
            foreach (var keys in languages)
            {
                foreach (var language in keys ?? [])
                {
                    var at = $"{collection}[{i}].translations.{language}";
                    if (!LanguageCode().IsMatch(language)) add(at, L["'{0}' is not a two-letter lowercase language code such as es", language]);
                    else if (string.Equals(language, own, StringComparison.OrdinalIgnoreCase))
                        add(at, L["{0} is the framework's own language: its texts are the item's fields, not a translation", own]);
                }
                i++;
            }
        }
        Each("grades", d.Grades.Select(x => x.Translations?.Keys));
        Each("units", d.Units.Select(x => x.Translations?.Keys));
        Each("families", d.Families.Select(x => x.Translations?.Keys));
        Each("competencies", d.Competencies.Select(x => x.Translations?.Keys));
        Each("roles", d.Roles.Select(x => x.Translations?.Keys));
        Each("duties", d.Duties.Select(x => x.Translations?.Keys));
        Each("strategies", d.Strategies.Select(x => x.Translations?.Keys));
        Each("moves", d.Moves.Select(x => x.Translations?.Keys));
    }

    static bool Has<T>(IReadOnlyDictionary<string, T>? translations, string language) => translations?.ContainsKey(language) == true;

    static T? Text<T>(IReadOnlyDictionary<string, T>? translations, string language) where T : class =>
        translations is not null && translations.TryGetValue(language, out var text) ? text : null;

    static bool Given(string? text) => !string.IsNullOrWhiteSpace(text);

    static bool Complete(IReadOnlyList<string>? translated, IReadOnlyList<string> original) =>
        translated is not null && translated.Count == original.Count && translated.All(Given);

    static string Pick(string? translated, string original) => Given(translated) ? translated! : original;

    static string? PickOptional(string? translated, string? original) => Given(original) && Given(translated) ? translated : original;

    static IReadOnlyList<string> Pick(IReadOnlyList<string>? translated, IReadOnlyList<string> original) =>
        translated is null || translated.Count != original.Count ? original : [.. original.Select((o, i) => Pick(translated[i], o))];
}
