using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using static CareerMap.Framework.Case.CaseMapping;

namespace CareerMap.Framework.Case;

/// <summary>
/// A CASE package read into the framework: the competencies it carries, every record it came with (to keep), and each
/// problem at its place in the package. <see cref="Place"/> turns a framework path (competencies[3].levels[1]) into the
/// package's place of the same text, so the framework's own rules speak of the file HR sent.
/// </summary>
public sealed record CaseRead(FrameworkDocument? Document, IReadOnlyList<CaseRecord> Records, IReadOnlyList<ImportProblem> Problems, Func<string, string> Place,
    int ExactMatches = 0)
{
    public static readonly JsonSerializerOptions Stored = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>Reads a CASE 1.1 package (already checked against the schema) into the framework: see <see cref="CaseMapping"/>.</summary>
public sealed class CasePackageReader
{
    readonly JsonObject root;
    readonly FrameworkDocument current;
    readonly IReadOnlyList<CaseRecord> currentRecords;
    readonly bool hasOrganization;
    readonly string baseUrl;
    readonly IStringLocalizer L;
    readonly List<ImportProblem> problems = [];
    readonly HashSet<string> placed = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> places = new(StringComparer.Ordinal);

    CasePackageReader(JsonObject root, FrameworkDocument current, IReadOnlyList<CaseRecord> currentRecords, bool hasOrganization, string baseUrl, IStringLocalizer L)
    {
        this.root = root;
        this.current = current;
        this.currentRecords = currentRecords;
        this.hasOrganization = hasOrganization;
        this.baseUrl = baseUrl.TrimEnd('/');
        this.L = L;
    }

    /// <param name="current">The framework as stored now: what the package's competencies replace, and where their translations come from.</param>
    /// <param name="currentRecords">The CASE records kept now, to tell which competencies the package gives a new identifier.</param>
    /// <param name="hasOrganization">Whether a framework is stored at all; if not, the organization is made from the package's CFDocument.</param>
    public static CaseRead Read(JsonObject package, FrameworkDocument current, IReadOnlyList<CaseRecord> currentRecords, bool hasOrganization, string baseUrl, IStringLocalizer L) =>
        new CasePackageReader(package, current, currentRecords, hasOrganization, baseUrl, L).Read();

    void Problem(string place, string message)
    {
        if (placed.Add(place)) problems.Add(new(place, message));
    }

    static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    static int? Integer(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    static List<JsonObject> Objects(JsonNode? node) => node is JsonArray a ? [.. a.OfType<JsonObject>()] : [];

    sealed record Item(int Index, string Id, JsonObject Json, string Type)
    {
        public string Place => $"{Items}[{Index}]";
    }

    sealed record Link(int Index, string Type, string Origin, string Destination, int? Sequence, JsonObject Json)
    {
        public string Place => $"{Associations}[{Index}]";
    }

    sealed record Criterion(int Rubric, string Place, string Item, JsonObject Json, List<(string Place, double Score, string? Text)> Levels);

    CaseRead Read()
    {
        var document = root[Document] as JsonObject ?? [];
        var documentId = Text(document["identifier"]) ?? "";
        var items = Objects(root[Items]).Select((json, i) => new Item(i, Text(json["identifier"]) ?? "", json, (Text(json["CFItemType"]) ?? "").Trim())).ToList();
        var associations = Objects(root[Associations]);
        var rubrics = Objects(root[Rubrics]);
        var definitions = root[Definitions] as JsonObject;

        Identifiers(document, items, associations, rubrics, definitions);

        var byId = items.GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var groupings = Objects(definitions?[Groupings]).Select(g => Text(g["identifier"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var links = new List<Link>();
        for (var i = 0; i < associations.Count; i++)
        {
            var a = associations[i];
            var link = new Link(i, Text(a["associationType"]) ?? "", Text(a["originNodeURI"]?["identifier"]) ?? "", Text(a["destinationNodeURI"]?["identifier"]) ?? "",
                Integer(a["sequenceNumber"]), a);
            links.Add(link);
            bool Known(string id) => id == documentId || byId.ContainsKey(id);
            if (!Known(link.Origin))
                Problem($"{link.Place}.originNodeURI.identifier", L["no CFItem or CFDocument in this package has the identifier {0}", link.Origin]);
            if (Structural.Contains(link.Type) && !Known(link.Destination))
                Problem($"{link.Place}.destinationNodeURI.identifier", L["no CFItem or CFDocument in this package has the identifier {0}; a {1} association must stay inside the package", link.Destination, link.Type]);
            if (Text(a["CFAssociationGroupingURI"]?["identifier"]) is { } grouping && !groupings.Contains(grouping))
                Problem($"{link.Place}.CFAssociationGroupingURI.identifier", L["no CFAssociationGrouping in CFDefinitions has the identifier {0}", grouping]);
        }
        var parents = links.Where(l => l.Type == "isChildOf").ToLookup(l => l.Origin, StringComparer.Ordinal);

        var criteria = Criteria(rubrics, byId, documentId);
        var keys = new Dictionary<(string Collection, int Index), string>();
        var rubricWithCompetency = -1;

        static bool Is(Item x, string type) => string.Equals(x.Type, type, StringComparison.OrdinalIgnoreCase);

        var categoryItems = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var x in items.Where(x => Is(x, CategoryType)))
        {
            var code = Text(x.Json["humanCodingScheme"])?.Trim() ?? "";
            if (!FrameworkValidator.Categories.ContainsKey(code))
            {
                Problem($"{x.Place}.humanCodingScheme", L["a {0} item's humanCodingScheme is core, leadership or job-knowledge, not '{1}'", CategoryType, code]);
                continue;
            }
            if (categoryItems.ContainsValue(x.Id) || !categoryItems.TryAdd(code.ToLowerInvariant(), x.Id)) continue;
            keys[(Items, x.Index)] = CategoryKey(code);
            if (parents[x.Id].FirstOrDefault(l => l.Destination == documentId) is { } top) keys[(Associations, top.Index)] = CategoryInDocumentKey(code);
        }
        var categoryOf = categoryItems.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

        var competencyItems = items.Where(x => Is(x, CompetencyType)).ToList();
        var competencyIds = competencyItems.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        var children = new Dictionary<string, List<(Item Item, Link Link)>>(StringComparer.Ordinal);
        foreach (var x in items.Where(x => Is(x, LevelType) || Is(x, IndicatorType)))
        {
            var under = parents[x.Id].Where(l => competencyIds.Contains(l.Destination)).ToList();
            if (under.Count == 0)
            {
                Problem(x.Place, L["a {0} item must be the child (isChildOf) of a {1} item", x.Type, CompetencyType]);
                continue;
            }
            if (under.Count > 1) Problem(under[1].Place, L["{0} is already the child of {1}; a level or indicator belongs to one competency", x.Id, under[0].Destination]);
            if (!children.TryGetValue(under[0].Destination, out var list)) children[under[0].Destination] = list = [];
            list.Add((x, under[0]));
        }

        var competencies = new List<CompetencyDto>();
        var levelCounts = new List<int>();
        foreach (var x in competencyItems)
        {
            var code = Text(x.Json["humanCodingScheme"])?.Trim() ?? "";
            if (code.Length == 0)
            {
                Problem($"{x.Place}.humanCodingScheme", L["a {0} item needs its code in humanCodingScheme", CompetencyType]);
                continue;
            }
            var i = competencies.Count;
            var definition = Text(x.Json["fullStatement"]) ?? "";
            var abbreviated = Text(x.Json["abbreviatedStatement"])?.Trim();
            var name = string.IsNullOrEmpty(abbreviated) ? NameFrom(definition) : abbreviated;
            var at = $"competencies[{i}]";
            places[at] = x.Place;
            places[$"{at}.code"] = $"{x.Place}.humanCodingScheme";
            places[$"{at}.name"] = string.IsNullOrEmpty(abbreviated) ? $"{x.Place}.fullStatement" : $"{x.Place}.abbreviatedStatement";
            places[$"{at}.definition"] = $"{x.Place}.fullStatement";
            keys[(Items, x.Index)] = CompetencyKey(code);

            var category = "core";
            var inCategory = parents[x.Id].Where(l => categoryOf.ContainsKey(l.Destination)).ToList();
            if (inCategory.Count > 0)
            {
                category = categoryOf[inCategory[0].Destination];
                keys[(Associations, inCategory[0].Index)] = InCategoryKey(code);
                places[$"{at}.category"] = inCategory[0].Place;
                if (inCategory.Count > 1) Problem(inCategory[1].Place, L["competency {0} is already in category {1}; a competency is in one category", code, category]);
            }

            var mine = children.GetValueOrDefault(x.Id, []);
            var ordered = mine.OrderBy(c => c.Link.Sequence ?? int.MaxValue)
                .ThenBy(c => int.TryParse(Text(c.Item.Json["listEnumeration"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
                .ThenBy(c => c.Item.Index).ToList();
            var levelItems = ordered.Where(c => Is(c.Item, LevelType)).ToList();
            var indicatorItems = ordered.Where(c => Is(c.Item, IndicatorType)).ToList();
            for (var n = 0; n < levelItems.Count; n++)
            {
                keys[(Items, levelItems[n].Item.Index)] = LevelKey(code, n + 1);
                keys[(Associations, levelItems[n].Link.Index)] = LevelInCompetencyKey(code, n + 1);
                if (n > 0 && links.FirstOrDefault(l => l.Type == "precedes" && l.Origin == levelItems[n - 1].Item.Id && l.Destination == levelItems[n].Item.Id) is { } precedes)
                    keys[(Associations, precedes.Index)] = PrecedesKey(code, n);
            }
            for (var n = 0; n < indicatorItems.Count; n++)
            {
                keys[(Items, indicatorItems[n].Item.Index)] = IndicatorKey(code, n + 1);
                keys[(Associations, indicatorItems[n].Link.Index)] = IndicatorInCompetencyKey(code, n + 1);
            }

            var levels = levelItems.Select(c => Text(c.Item.Json["fullStatement"]) ?? "").ToList();
            for (var n = 0; n < levelItems.Count; n++) places[$"{at}.levels[{n}]"] = $"{levelItems[n].Item.Place}.fullStatement";
            if (criteria.GetValueOrDefault(x.Id) is { } criterion)
            {
                if (rubricWithCompetency < 0) rubricWithCompetency = criterion.Rubric;
                var scored = criterion.Levels;
                if (levelItems.Count == 0)
                {
                    levels = [.. scored.Select(l => l.Text ?? "")];
                    for (var n = 0; n < scored.Count; n++) places[$"{at}.levels[{n}]"] = $"{scored[n].Place}.description";
                }
                else if (scored.Count != levelItems.Count)
                    Problem($"{criterion.Place}.CFRubricCriterionLevels", L["has {0} levels; competency {1} has {2} {3} items", scored.Count, code, levelItems.Count, LevelType]);
                else
                    for (var n = 0; n < scored.Count; n++)
                        if (scored[n].Text != levels[n])
                            Problem($"{scored[n].Place}.description", L["differs from level {0} of competency {1} ({2}); the rubric and the {3} items must say the same", n + 1, code, $"{levelItems[n].Item.Place}.fullStatement", LevelType]);
            }
            else if (levelItems.Count == 0)
                Problem(x.Place, L["competency {0} has no level descriptors: give it {1} items (isChildOf the competency) or a rubric criterion whose CFItemURI is the competency", code, LevelType]);
            places[$"{at}.levels"] = x.Place;
            levelCounts.Add(levels.Count);

            var indicators = indicatorItems.Select(c => Text(c.Item.Json["fullStatement"]) ?? "").ToList();
            for (var n = 0; n < indicatorItems.Count; n++) places[$"{at}.indicators[{n}]"] = $"{indicatorItems[n].Item.Place}.fullStatement";
            var translations = current.Competencies.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))?.Translations;
            competencies.Add(new(code, name, category, definition, levels, indicators, translations));
        }

        var framework = Framework(document, competencies, levelCounts);
        var records = Records(document, items, associations, rubrics, definitions, keys, rubricWithCompetency);
        var exactMatches = ExactMatches(documentId, competencyItems, links, records);
        return new(framework, records, problems, Place, exactMatches);
    }

    void Identifiers(JsonObject document, List<Item> items, List<JsonObject> associations, List<JsonObject> rubrics, JsonObject? definitions)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        void Identify(JsonObject json, string place)
        {
            if (Text(json["identifier"]) is not { } id) return;
            if (!seen.TryAdd(id, place)) Problem($"{place}.identifier", L["identifier {0} is used twice: {1} has it too", id, seen[id]]);
        }
        Identify(document, Document);
        foreach (var x in items) Identify(x.Json, x.Place);
        for (var i = 0; i < associations.Count; i++) Identify(associations[i], $"{Associations}[{i}]");
        for (var r = 0; r < rubrics.Count; r++)
        {
            Identify(rubrics[r], $"{Rubrics}[{r}]");
            var criteria = Objects(rubrics[r]["CFRubricCriteria"]);
            for (var c = 0; c < criteria.Count; c++)
            {
                Identify(criteria[c], $"{Rubrics}[{r}].CFRubricCriteria[{c}]");
                var levels = Objects(criteria[c]["CFRubricCriterionLevels"]);
                for (var l = 0; l < levels.Count; l++) Identify(levels[l], $"{Rubrics}[{r}].CFRubricCriteria[{c}].CFRubricCriterionLevels[{l}]");
            }
        }
        foreach (var list in DefinitionLists)
        {
            var entries = Objects(definitions?[list]);
            for (var i = 0; i < entries.Count; i++) Identify(entries[i], $"{Definitions}.{list}[{i}]");
        }
    }

    /// <summary>Each rubric criterion by the item it judges; every level needs a score, and scores order the levels.</summary>
    Dictionary<string, Criterion> Criteria(List<JsonObject> rubrics, Dictionary<string, Item> items, string documentId)
    {
        var byItem = new Dictionary<string, Criterion>(StringComparer.Ordinal);
        for (var r = 0; r < rubrics.Count; r++)
        {
            var criteria = Objects(rubrics[r]["CFRubricCriteria"]);
            for (var c = 0; c < criteria.Count; c++)
            {
                var place = $"{Rubrics}[{r}].CFRubricCriteria[{c}]";
                var levels = Objects(criteria[c]["CFRubricCriterionLevels"]);
                var scored = new List<(string Place, double Score, string? Text)>();
                var scores = new Dictionary<double, string>();
                for (var l = 0; l < levels.Count; l++)
                {
                    var levelPlace = $"{place}.CFRubricCriterionLevels[{l}]";
                    if (Number(levels[l]["score"]) is not { } score)
                    {
                        Problem($"{levelPlace}.score", L["a rubric level needs a score: CareerMap orders a criterion's levels by it, the lowest being level 1"]);
                        continue;
                    }
                    if (!scores.TryAdd(score, levelPlace))
                        Problem($"{levelPlace}.score", L["score {0} is already given to {1}; each level of a criterion needs its own score", score.ToString(CultureInfo.InvariantCulture), scores[score]]);
                    scored.Add((levelPlace, score, Text(levels[l]["description"])));
                }
                if (Text(criteria[c]["CFItemURI"]?["identifier"]) is not { } item) continue;
                if (item != documentId && !items.ContainsKey(item))
                {
                    Problem($"{place}.CFItemURI.identifier", L["no CFItem or CFDocument in this package has the identifier {0}", item]);
                    continue;
                }
                var criterion = new Criterion(r, place, item, criteria[c], [.. scored.OrderBy(s => s.Score)]);
                if (!byItem.TryAdd(item, criterion) && items.TryGetValue(item, out var judged) && string.Equals(judged.Type, CompetencyType, StringComparison.OrdinalIgnoreCase))
                    Problem($"{place}.CFItemURI.identifier", L["{0} already has a criterion at {1}; a competency's levels come from one criterion", judged.Place, byItem[item].Place]);
            }
        }
        return byItem;
    }

    FrameworkDocument Framework(JsonObject document, List<CompetencyDto> competencies, List<int> levelCounts)
    {
        var org = current.Organization;
        var top = levelCounts.Count > 0 ? levelCounts.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key : org.TopLevel;
        if (!hasOrganization)
        {
            var creator = (Text(document["creator"]) ?? "").Trim();
            org = new OrganizationDto(Slug(creator), creator.Length <= 200 ? creator : creator[..200], top, Language(Text(document["language"])));
            places["organization.name"] = $"{Document}.creator";
            places["organization.code"] = $"{Document}.creator";
        }
        else org = org with { TopLevel = top };
        places["organization.topLevel"] = Items;
        return new FrameworkDocument
        {
            Organization = org,
            Grades = [.. current.Grades],
            Units = [.. current.Units],
            Families = [.. current.Families],
            Competencies = competencies,
            Roles = [.. current.Roles],
            Requirements = [.. current.Requirements],
            Duties = [.. current.Duties],
            Strategies = [.. current.Strategies],
            Moves = [.. current.Moves],
        };
    }

    List<CaseRecord> Records(JsonObject document, List<Item> items, List<JsonObject> associations, List<JsonObject> rubrics, JsonObject? definitions,
        Dictionary<(string, int), string> keys, int homeRubric)
    {
        var records = new List<CaseRecord>();
        void Add(string collection, int position, JsonNode json, string? key) => records.Add(new CaseRecord
        {
            Collection = collection,
            Identifier = Text(json["identifier"]),
            Key = key,
            Position = position,
            Json = json.ToJsonString(CaseRead.Stored),
        });
        Add(Document, 0, document, null);
        foreach (var x in items) Add(Items, x.Index, x.Json, keys.GetValueOrDefault((Items, x.Index)));
        for (var i = 0; i < associations.Count; i++) Add(Associations, i, associations[i], keys.GetValueOrDefault((Associations, i)));
        for (var r = 0; r < rubrics.Count; r++) Add(Rubrics, r, rubrics[r], r == homeRubric ? RubricKey : null);
        var types = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var list in DefinitionLists)
        {
            var entries = Objects(definitions?[list]);
            for (var i = 0; i < entries.Count; i++)
            {
                var title = Text(entries[i]["title"]);
                var ours = list == ItemTypes && title is not null && ItemTypeDescriptions.ContainsKey(title) && types.Add(title);
                Add($"{Definitions}.{list}", i, entries[i], ours ? ItemTypeKey(title!) : null);
            }
        }
        if (definitions?["extensions"] is JsonObject definitionExtensions)
            records.Add(new CaseRecord { Collection = DefinitionExtensions, Position = 0, Json = definitionExtensions.ToJsonString(CaseRead.Stored) });
        if (root["extensions"] is JsonObject extensions)
            records.Add(new CaseRecord { Collection = PackageExtensions, Position = 0, Json = extensions.ToJsonString(CaseRead.Stored) });
        return records;
    }

    /// <summary>
    /// A competency CareerMap already published under another identifier keeps that identifier as an exactMatchOf from the
    /// new one, so whoever holds the old identifier can still find it.
    /// </summary>
    int ExactMatches(string documentId, List<Item> competencyItems, List<Link> links, List<CaseRecord> records)
    {
        if (!CaseIdentifiers.IsUuid(documentId)) return 0;
        var oldDocument = CasePackageWriter.DocumentIdentifier(current, currentRecords);
        var keptByKey = currentRecords.Where(r => r.Key is not null).GroupBy(r => r.Key!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var position = records.Count(r => r.Collection == Associations);
        var added = 0;
        foreach (var x in competencyItems)
        {
            var code = Text(x.Json["humanCodingScheme"])?.Trim() ?? "";
            if (code.Length == 0 || !current.Competencies.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))) continue;
            var key = CompetencyKey(code);
            var kept = keptByKey.GetValueOrDefault(key);
            var oldId = kept?.Identifier ?? CaseIdentifiers.Of(oldDocument, key);
            if (oldId == x.Id || links.Any(l => l.Type == "exactMatchOf" && l.Origin == x.Id && l.Destination == oldId)) continue;
            var oldUri = kept is null ? $"{baseUrl}/ims/case/v1p1/CFItems/{oldId}" : Text(JsonNode.Parse(kept.Json)?["uri"]) ?? $"{baseUrl}/ims/case/v1p1/CFItems/{oldId}";
            var id = CaseIdentifiers.Of(documentId, $"{key}/exact-match/{oldId}");
            var association = new JsonObject
            {
                ["identifier"] = id,
                ["uri"] = $"{baseUrl}/ims/case/v1p1/CFAssociations/{id}",
                ["associationType"] = "exactMatchOf",
                ["originNodeURI"] = new JsonObject { ["title"] = code, ["identifier"] = x.Id, ["uri"] = x.Json["uri"]?.DeepClone() },
                ["destinationNodeURI"] = new JsonObject { ["title"] = code, ["identifier"] = oldId, ["uri"] = oldUri },
                ["lastChangeDateTime"] = x.Json["lastChangeDateTime"]?.DeepClone(),
            };
            records.Add(new CaseRecord { Collection = Associations, Identifier = id, Position = position++, Json = association.ToJsonString(CaseRead.Stored) });
            added++;
        }
        return added;
    }

    string Place(string path)
    {
        if (places.TryGetValue(path, out var exact)) return exact;
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return close > 0 && places.TryGetValue(path[..(close + 1)], out var owner) ? owner : path;
    }

    /// <summary>The organization's code made from the document's creator: letters and digits, words joined by hyphens.</summary>
    static string Slug(string creator)
    {
        var plain = new StringBuilder();
        foreach (var ch in creator.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToUpperInvariant(ch) : '-');
        }
        var slug = string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 32) slug = slug[..32].TrimEnd('-');
        return slug.Length == 0 ? "ORG" : slug;
    }

    static string Language(string? language)
    {
        var code = (language ?? "").Trim().ToLowerInvariant().Split('-', '_')[0];
        return code switch { "eng" => "en", "spa" => "es", { Length: 2 } => code, _ => "en" };
    }
}
