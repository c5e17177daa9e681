using System.Text.Json;
using System.Text.Json.Serialization;
using CareerMap.Framework;

namespace CareerMap.Sample;

/// <summary>
/// A sample organization's texts in another language, kept beside it as one JSON file per language
/// (<c>Sample/RiverbendHealth.es.json</c>: collection → item code → the item's translated fields, shaped like the
/// framework format's <c>translations</c>), so translators edit one readable file rather than C#.
/// </summary>
static partial class SampleTranslations
{
    internal sealed record File(
        Dictionary<string, NameText>? Grades, Dictionary<string, NameText>? Units, Dictionary<string, NameText>? Families,
        Dictionary<string, CompetencyText>? Competencies, Dictionary<string, RoleText>? Roles, Dictionary<string, DutyText>? Duties,
        Dictionary<string, NameText>? Strategies, Dictionary<string, MoveText>? Moves);

    public static void Attach(FrameworkDocument d, string sample, string language)
    {
        using var stream = typeof(SampleTranslations).Assembly.GetManifestResourceStream($"CareerMap.Sample.{sample}.{language}.json");
        if (stream is null) return;
        var f = JsonSerializer.Deserialize(stream, FileJson.Default.File) ?? throw new InvalidDataException($"{sample}.{language}.json is empty");
        Dictionary<string, T>? In<T>(Dictionary<string, T>? texts, string code) where T : class =>
            texts is not null && texts.TryGetValue(code, out var text) ? new() { [language] = text } : null;
        d.Grades = [.. d.Grades.Select(x => x with { Translations = In(f.Grades, x.Code) })];
        d.Units = [.. d.Units.Select(x => x with { Translations = In(f.Units, x.Code) })];
        d.Families = [.. d.Families.Select(x => x with { Translations = In(f.Families, x.Code) })];
        d.Competencies = [.. d.Competencies.Select(x => x with { Translations = In(f.Competencies, x.Code) })];
        d.Roles = [.. d.Roles.Select(x => x with { Translations = In(f.Roles, x.Code) })];
        d.Duties = [.. d.Duties.Select(x => x with { Translations = In(f.Duties, x.Code) })];
        d.Strategies = [.. d.Strategies.Select(x => x with { Translations = In(f.Strategies, x.Code) })];
        d.Moves = [.. d.Moves.Select(x => x with { Translations = In(f.Moves, x.Code) })];
    }

    // Generated at compile time: reading the file by reflection took a cold `careermap jd parse` 0.2 s.
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(File))]
    sealed partial class FileJson : JsonSerializerContext;
}
