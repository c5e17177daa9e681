using System.Text.Json.Nodes;
using static CareerMap.Framework.Case.CaseMapping;

namespace CareerMap.Framework.Case;

/// <summary>Where the exported records point (their uri) and the license to name, if the organization set one.</summary>
public sealed record CaseSettings(string? BaseUrl = null, string? LicenseTitle = null, string? LicenseUrl = null)
{
    /// <summary>The address the app serves by default: the base of the URIs when neither the settings nor a request say otherwise.</summary>
    public const string DefaultBaseUrl = "http://127.0.0.1:5080";
}

/// <summary>When each competency, and the organization, last changed (from the audit trail), for records without a kept time.</summary>
public sealed record CaseChangeTimes(IReadOnlyDictionary<string, DateTimeOffset> Competencies, DateTimeOffset Framework)
{
    public DateTimeOffset Of(string code) => Competencies.TryGetValue(code, out var t) ? t : Framework;
}

/// <summary>
/// Writes the framework as a CASE 1.1 CFPackage. Records CareerMap makes from the framework take the identifier, URI and
/// every other field the last import kept for them, with the fields the framework owns written over; a record whose owned
/// fields changed since gets the competency's change time as lastChangeDateTime. Records CareerMap only keeps come out as
/// they went in, in their places, unless they pointed at an item that is no longer there.
/// </summary>
public sealed class CasePackageWriter
{
    readonly FrameworkDocument d;
    readonly CaseChangeTimes times;
    readonly string baseUrl;
    readonly CaseSettings settings;
    readonly Dictionary<string, CaseRecord> byKey = new(StringComparer.OrdinalIgnoreCase);
    readonly List<CaseRecord> stored;
    readonly CaseRecord? storedDocument;
    readonly string documentId;
    readonly Dictionary<string, (int Order, int Position, JsonObject Json)> emitted = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<(int Order, int Position, JsonObject Json)>> lists = new(StringComparer.Ordinal);
    int sequence;

    CasePackageWriter(FrameworkDocument document, IReadOnlyList<CaseRecord> records, CaseChangeTimes times, CaseSettings settings, string baseUrl)
    {
        d = document;
        this.times = times;
        this.settings = settings;
        this.baseUrl = baseUrl.TrimEnd('/');
        stored = [.. records.OrderBy(r => r.Collection, StringComparer.Ordinal).ThenBy(r => r.Position)];
        foreach (var r in stored.Where(r => r.Key is not null)) byKey.TryAdd(r.Key!, r);
        storedDocument = stored.FirstOrDefault(r => r.Collection == Document);
        documentId = storedDocument?.Identifier ?? CaseIdentifiers.Of(CaseIdentifiers.Root, "careermap/" + d.Organization.Code.ToLowerInvariant());
    }

    public static JsonObject Write(FrameworkDocument document, IReadOnlyList<CaseRecord> records, CaseChangeTimes times, CaseSettings settings, string? requestBase = null) =>
        new CasePackageWriter(document, records, times, settings, settings.BaseUrl ?? requestBase ?? CaseSettings.DefaultBaseUrl).Write();

    /// <summary>The identifier the framework's document has (kept from an import, else made from the organization's code).</summary>
    public static string DocumentIdentifier(FrameworkDocument document, IReadOnlyList<CaseRecord> records) =>
        records.FirstOrDefault(r => r.Collection == Document)?.Identifier ?? CaseIdentifiers.Of(CaseIdentifiers.Root, "careermap/" + document.Organization.Code.ToLowerInvariant());

    string Uri(string kind, string id) => $"{baseUrl}/ims/case/v1p1/{kind}/{id}";

    string Id(string key) => byKey.TryGetValue(key, out var r) && r.Identifier is not null ? r.Identifier : CaseIdentifiers.Of(documentId, key);

    static JsonObject Parse(CaseRecord r) => JsonNode.Parse(r.Json)!.AsObject();

    sealed record Competency(CompetencyDto Dto, string Code, string Category, DateTimeOffset Changed, bool Stored, bool LevelItems, bool Criterion, bool CategoryLink);

    JsonObject Write()
    {
        var competencies = Plan();
        var typeLinks = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in stored.Where(r => r.Collection == $"{Definitions}.{ItemTypes}"))
        {
            var json = Parse(r);
            if (json["title"]?.GetValue<string>() is { } title) typeLinks.TryAdd(title, Link(json));
        }
        var usedTypes = new List<string>();
        JsonObject TypeLink(string title)
        {
            if (!usedTypes.Contains(title, StringComparer.OrdinalIgnoreCase)) usedTypes.Add(title);
            if (typeLinks.TryGetValue(title, out var link)) return (JsonObject)link.DeepClone();
            var id = Id(ItemTypeKey(title));
            return new JsonObject { ["title"] = title, ["identifier"] = id, ["uri"] = Uri("CFItemTypes", id) };
        }

        var documentLink = DocumentLink();
        var categories = CategoryOrder.Where(c => competencies.Any(x => x.CategoryLink && x.Category == c)).ToList();
        var categoryNodes = new Dictionary<string, JsonObject>();
        foreach (var category in categories)
        {
            var key = CategoryKey(category);
            var id = Id(key);
            var changed = competencies.Where(x => x.Category == category).Max(x => x.Changed);
            var item = Emit(Items, key, new JsonObject
            {
                ["identifier"] = id,
                ["uri"] = Uri("CFItems", id),
                ["CFItemType"] = CategoryType,
                ["CFItemTypeURI"] = TypeLink(CategoryType),
                ["humanCodingScheme"] = category,
                ["fullStatement"] = CategoryStatements[category],
            }, [], changed);
            categoryNodes[category] = Link(item);
            Emit(Associations, CategoryInDocumentKey(category), Association(CategoryInDocumentKey(category), "isChildOf", Array.IndexOf(CategoryOrder, category) + 1,
                Link(item), documentLink), ["sequenceNumber", "@originNodeURI", "@destinationNodeURI"], changed);
        }

        var competencyNodes = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in competencies)
        {
            var key = CompetencyKey(c.Code);
            var id = Id(key);
            var json = new JsonObject
            {
                ["identifier"] = id,
                ["uri"] = Uri("CFItems", id),
                ["CFItemType"] = CompetencyType,
                ["CFItemTypeURI"] = TypeLink(CompetencyType),
                ["humanCodingScheme"] = c.Code,
            };
            if (c.Dto.Name != NameFrom(c.Dto.Definition)) json["abbreviatedStatement"] = c.Dto.Name;
            json["fullStatement"] = c.Dto.Definition;
            var item = Emit(Items, key, json, ["humanCodingScheme", "abbreviatedStatement", "fullStatement"], c.Changed);
            var node = Link(item);
            competencyNodes[c.Code] = node;
            if (c.CategoryLink)
                Emit(Associations, InCategoryKey(c.Code), Association(InCategoryKey(c.Code), "isChildOf", null, node, categoryNodes[c.Category]),
                    ["@originNodeURI", "@destinationNodeURI"], c.Changed);
            if (c.LevelItems)
            {
                JsonObject? previous = null;
                for (var n = 1; n <= c.Dto.Levels.Count; n++)
                {
                    var levelKey = LevelKey(c.Code, n);
                    var levelId = Id(levelKey);
                    var level = Emit(Items, levelKey, new JsonObject
                    {
                        ["identifier"] = levelId,
                        ["uri"] = Uri("CFItems", levelId),
                        ["CFItemType"] = LevelType,
                        ["CFItemTypeURI"] = TypeLink(LevelType),
                        ["humanCodingScheme"] = $"{c.Code}.L{n}",
                        ["listEnumeration"] = $"{n}",
                        ["fullStatement"] = c.Dto.Levels[n - 1],
                    }, ["fullStatement"], c.Changed);
                    var levelNode = Link(level);
                    Emit(Associations, LevelInCompetencyKey(c.Code, n), Association(LevelInCompetencyKey(c.Code, n), "isChildOf", n, levelNode, node),
                        ["sequenceNumber", "@originNodeURI", "@destinationNodeURI"], c.Changed);
                    if (previous is not null)
                        Emit(Associations, PrecedesKey(c.Code, n - 1), Association(PrecedesKey(c.Code, n - 1), "precedes", null, previous, levelNode),
                            ["@originNodeURI", "@destinationNodeURI"], c.Changed);
                    previous = levelNode;
                }
            }
            for (var i = 1; i <= c.Dto.Indicators.Count; i++)
            {
                var indicatorKey = IndicatorKey(c.Code, i);
                var indicatorId = Id(indicatorKey);
                var indicator = Emit(Items, indicatorKey, new JsonObject
                {
                    ["identifier"] = indicatorId,
                    ["uri"] = Uri("CFItems", indicatorId),
                    ["CFItemType"] = IndicatorType,
                    ["CFItemTypeURI"] = TypeLink(IndicatorType),
                    ["humanCodingScheme"] = $"{c.Code}.I{i}",
                    ["listEnumeration"] = $"{i}",
                    ["fullStatement"] = c.Dto.Indicators[i - 1],
                }, ["fullStatement"], c.Changed);
                Emit(Associations, IndicatorInCompetencyKey(c.Code, i), Association(IndicatorInCompetencyKey(c.Code, i), "isChildOf", i, Link(indicator), node),
                    ["sequenceNumber", "@originNodeURI", "@destinationNodeURI"], c.Changed);
            }
        }

        var rubrics = RubricList(competencies, competencyNodes);
        var gone = stored.Where(r => r.Key is not null && r.Identifier is not null && !emitted.ContainsKey(r.Identifier)).Select(r => r.Identifier!).ToHashSet(StringComparer.Ordinal);
        foreach (var r in stored.Where(r => r.Key is null && r.Collection is Items or Associations))
        {
            var json = Parse(r);
            if (r.Collection == Associations && (gone.Contains(NodeId(json, "originNodeURI")) || gone.Contains(NodeId(json, "destinationNodeURI")))) continue;
            Keep(r.Collection, r, json);
        }

        var definitions = new JsonObject();
        foreach (var list in DefinitionLists)
        {
            var collection = $"{Definitions}.{list}";
            foreach (var r in stored.Where(r => r.Collection == collection)) Keep(collection, r, Parse(r));
            if (list == ItemTypes)
                foreach (var title in usedTypes.Where(t => !typeLinks.ContainsKey(t)))
                {
                    var id = Id(ItemTypeKey(title));
                    Add(collection, id, new JsonObject
                    {
                        ["identifier"] = id,
                        ["uri"] = Uri("CFItemTypes", id),
                        ["title"] = title,
                        ["description"] = ItemTypeDescriptions[title],
                        ["hierarchyCode"] = $"{Array.IndexOf([CategoryType, CompetencyType, LevelType, IndicatorType], title) + 1}",
                        ["typeCode"] = title.Replace(' ', '-').ToLowerInvariant(),
                        ["lastChangeDateTime"] = Time(VocabularyDefined),
                    }, null);
                }
            if (list == "CFLicenses" && storedDocument is null && License() is { } license && !lists.GetValueOrDefault(collection, []).Any(x => Id(x.Json) == Id(license)))
                Add(collection, Id(license), new JsonObject
                {
                    ["identifier"] = license["identifier"]!.DeepClone(),
                    ["uri"] = license["uri"]!.DeepClone(),
                    ["title"] = license["title"]!.DeepClone(),
                    ["licenseText"] = $"{settings.LicenseTitle}: {settings.LicenseUrl}",
                    ["lastChangeDateTime"] = Time(VocabularyDefined),
                }, null);
            if (Sorted(collection) is { Count: > 0 } items) definitions[list] = items;
        }
        if (stored.FirstOrDefault(r => r.Collection == DefinitionExtensions) is { } definitionExtensions) definitions["extensions"] = JsonNode.Parse(definitionExtensions.Json);

        var package = new JsonObject
        {
            [Document] = DocumentRecord(stored.Any(r => r.Key is not null && r.Identifier is not null && !emitted.ContainsKey(r.Identifier))),
            [Items] = Sorted(Items),
            [Associations] = Sorted(Associations),
        };
        if (definitions.Count > 0) package[Definitions] = definitions;
        if (rubrics.Count > 0) package[Rubrics] = rubrics;
        if (stored.FirstOrDefault(r => r.Collection == PackageExtensions) is { } extensions) package["extensions"] = JsonNode.Parse(extensions.Json);
        return package;
    }

    List<Competency> Plan()
    {
        var criteriaFor = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in stored.Where(r => r.Collection == Rubrics))
            foreach (var criterion in Parse(r)["CFRubricCriteria"]?.AsArray().OfType<JsonObject>() ?? [])
                if (criterion["CFItemURI"]?["identifier"]?.GetValue<string>() is { } item) criteriaFor.Add(item);
        var levelKeys = stored.Where(r => r.Key?.Contains("/level/", StringComparison.Ordinal) == true).Select(r => r.Key![..r.Key!.IndexOf("/level/", StringComparison.Ordinal)])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var list = new List<Competency>();
        foreach (var c in d.Competencies)
        {
            var key = CompetencyKey(c.Code);
            var kept = byKey.ContainsKey(key);
            var levelItems = !kept || levelKeys.Contains(key);
            var criterion = !kept || criteriaFor.Contains(Id(key)) || !levelItems;
            var category = c.Category.ToLowerInvariant();
            var categoryLink = !kept || byKey.ContainsKey(InCategoryKey(c.Code)) || category != "core";
            list.Add(new(c, c.Code, category, Truncated(times.Of(c.Code)), kept, levelItems, criterion, categoryLink));
        }
        return list;
    }

    JsonArray RubricList(List<Competency> competencies, Dictionary<string, JsonObject> nodes)
    {
        var byItem = competencies.ToDictionary(c => Id(CompetencyKey(c.Code)), StringComparer.Ordinal);
        var storedIds = stored.Where(r => r.Key is not null && r.Identifier is not null).Select(r => r.Identifier!).ToHashSet(StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<(int Order, int Position, JsonObject Json)>();
        JsonObject? homeJson = null;
        foreach (var r in stored.Where(r => r.Collection == Rubrics))
        {
            var rubric = Parse(r);
            var changed = false;
            var latest = (DateTimeOffset?)null;
            var criteria = new JsonArray();
            foreach (var criterion in rubric["CFRubricCriteria"]?.AsArray().OfType<JsonObject>().ToList() ?? [])
            {
                var item = criterion["CFItemURI"]?["identifier"]?.GetValue<string>();
                if (item is not null && byItem.TryGetValue(item, out var c) && c.Criterion)
                {
                    covered.Add(c.Code);
                    var (json, criterionChanged) = Criterion(criterion, c);
                    if (criterionChanged) { changed = true; latest = Later(latest, c.Changed); }
                    criteria.Add(json);
                }
                else if (item is not null && (storedIds.Contains(item) || byItem.ContainsKey(item))) changed = true;
                else criteria.Add(criterion.DeepClone());
            }
            if (r.Key == RubricKey) homeJson = rubric;
            rubric["CFRubricCriteria"] = criteria;
            if (changed) rubric["lastChangeDateTime"] = Time(latest ?? Truncated(times.Framework));
            Note(rubric);
            result.Add((0, r.Position, rubric));
        }

        var missing = competencies.Where(c => c.Criterion && !covered.Contains(c.Code)).ToList();
        if (missing.Count > 0)
        {
            if (homeJson is null)
            {
                var id = Id(RubricKey);
                homeJson = new JsonObject
                {
                    ["identifier"] = id,
                    ["uri"] = Uri("CFRubrics", id),
                    ["title"] = $"{d.Organization.Name}: proficiency levels",
                    ["description"] = $"One criterion per competency: its {d.Organization.TopLevel} level descriptors, scored 1 to {d.Organization.TopLevel}.",
                    ["lastChangeDateTime"] = Time(missing.Max(c => c.Changed)),
                    ["CFRubricCriteria"] = new JsonArray(),
                };
                Note(homeJson);
                result.Add((1, 0, homeJson));
            }
            else homeJson["lastChangeDateTime"] = Time(Max(ParseTime(homeJson["lastChangeDateTime"]?.GetValue<string>()), missing.Max(c => c.Changed)));
            var criteria = homeJson["CFRubricCriteria"]!.AsArray();
            var rubricId = homeJson["identifier"]!.GetValue<string>();
            foreach (var c in missing)
            {
                var id = Id($"{CompetencyKey(c.Code)}/criterion");
                var criterion = new JsonObject
                {
                    ["identifier"] = id,
                    ["uri"] = Uri("CFRubricCriteria", id),
                    ["description"] = c.Dto.Name,
                    ["CFItemURI"] = nodes[c.Code].DeepClone(),
                    ["position"] = criteria.Count + 1,
                    ["rubricId"] = rubricId,
                    ["lastChangeDateTime"] = Time(c.Changed),
                    ["CFRubricCriterionLevels"] = new JsonArray([.. Enumerable.Range(1, c.Dto.Levels.Count).Select(n => (JsonNode)NewLevel(c, n, id))]),
                };
                criteria.Add(criterion);
                Note(criterion);
            }
        }
        return [.. result.OrderBy(x => x.Order).ThenBy(x => x.Position).Select(x => (JsonNode)x.Json)];
    }

    /// <summary>A kept criterion with the competency's level descriptors written over its levels, matched by rank of score.</summary>
    (JsonObject Json, bool Changed) Criterion(JsonObject kept, Competency c)
    {
        var criterion = (JsonObject)kept.DeepClone();
        var levels = criterion["CFRubricCriterionLevels"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var ranked = levels.Select((l, i) => (Level: l, Index: i, Score: l["score"]?.GetValue<double>() ?? double.MaxValue))
            .OrderBy(x => x.Score).ThenBy(x => x.Index).Select((x, rank) => (x.Level, Rank: rank + 1)).ToDictionary(x => x.Level, x => x.Rank);
        var changed = false;
        var result = new JsonArray();
        foreach (var level in levels)
        {
            var n = ranked[level];
            if (n > c.Dto.Levels.Count) { changed = true; continue; }
            var text = c.Dto.Levels[n - 1];
            if (level["description"]?.GetValue<string>() != text)
            {
                level["description"] = text;
                level["lastChangeDateTime"] = Time(c.Changed);
                changed = true;
            }
            Note(level);
            result.Add(level.DeepClone());
        }
        for (var n = levels.Count + 1; n <= c.Dto.Levels.Count; n++)
        {
            result.Add(NewLevel(c, n, criterion["identifier"]!.GetValue<string>()));
            changed = true;
        }
        criterion["CFRubricCriterionLevels"] = result;
        if (changed) criterion["lastChangeDateTime"] = Time(c.Changed);
        Note(criterion);
        return (criterion, changed);
    }

    JsonObject NewLevel(Competency c, int n, string criterionId)
    {
        var id = Id($"{CompetencyKey(c.Code)}/criterion/level/{n}");
        var level = new JsonObject
        {
            ["identifier"] = id,
            ["uri"] = Uri("CFRubricCriterionLevels", id),
            ["description"] = c.Dto.Levels[n - 1],
            ["score"] = n,
            ["position"] = n,
            ["rubricCriterionId"] = criterionId,
            ["lastChangeDateTime"] = Time(c.Changed),
        };
        Note(level);
        return level;
    }

    /// <param name="removed">Records the last import kept are gone (their competency was removed): the document changed when the framework last did.</param>
    JsonObject DocumentRecord(bool removed)
    {
        var latest = emitted.Values.Select(x => ParseTime(x.Json["lastChangeDateTime"]?.GetValue<string>())).Where(t => t is not null).Max() ?? Truncated(times.Framework);
        if (removed) latest = Max(latest, Truncated(times.Framework));
        if (storedDocument is not null)
        {
            var kept = Parse(storedDocument);
            if (ParseTime(kept["lastChangeDateTime"]?.GetValue<string>()) is { } t && latest <= t) return kept;
            kept["lastChangeDateTime"] = Time(latest);
            kept["version"] = latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return kept;
        }
        var org = d.Organization;
        var document = new JsonObject
        {
            ["identifier"] = documentId,
            ["uri"] = Uri("CFDocuments", documentId),
            ["caseVersion"] = "1.1",
            ["creator"] = org.Name,
            ["title"] = $"{org.Name} competency framework",
            ["lastChangeDateTime"] = Time(latest),
            ["description"] = $"The competencies of {org.Name}'s career guide, each described at {org.TopLevel} levels of proficiency, with behavioral indicators. Exported by CareerMap.",
            ["language"] = org.Language,
            ["version"] = latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["adoptionStatus"] = "Adopted",
        };
        if (License() is { } license) document["licenseURI"] = license;
        return document;
    }

    JsonObject? License() => string.IsNullOrWhiteSpace(settings.LicenseUrl) || string.IsNullOrWhiteSpace(settings.LicenseTitle) ? null : new JsonObject
    {
        ["title"] = settings.LicenseTitle,
        ["identifier"] = CaseIdentifiers.Of(documentId, "license/" + settings.LicenseUrl),
        ["uri"] = settings.LicenseUrl,
    };

    JsonObject DocumentLink()
    {
        var doc = storedDocument is null ? null : Parse(storedDocument);
        var id = documentId;
        return new JsonObject
        {
            ["title"] = doc?["title"]?.GetValue<string>() ?? $"{d.Organization.Name} competency framework",
            ["identifier"] = id,
            ["uri"] = doc?["uri"]?.GetValue<string>() ?? Uri("CFDocuments", id),
        };
    }

    JsonObject Association(string key, string type, int? sequence, JsonObject origin, JsonObject destination)
    {
        var id = Id(key);
        var json = new JsonObject { ["identifier"] = id, ["uri"] = Uri("CFAssociations", id), ["associationType"] = type };
        if (sequence is int n) json["sequenceNumber"] = n;
        json["originNodeURI"] = origin.DeepClone();
        json["destinationNodeURI"] = destination.DeepClone();
        return json;
    }

    /// <summary>A link to an emitted record: its title (a code, else a statement), identifier and uri.</summary>
    static JsonObject Link(JsonObject record)
    {
        var title = record["humanCodingScheme"]?.GetValue<string>() ?? record["title"]?.GetValue<string>()
            ?? record["abbreviatedStatement"]?.GetValue<string>() ?? record["fullStatement"]?.GetValue<string>() ?? "";
        if (title.Length > 100) title = title[..99] + "…";
        return new JsonObject { ["title"] = title, ["identifier"] = record["identifier"]!.DeepClone(), ["uri"] = record["uri"]!.DeepClone() };
    }

    static string Id(JsonObject json) => json["identifier"]?.GetValue<string>() ?? "";

    static string NodeId(JsonObject association, string end) => association[end]?["identifier"]?.GetValue<string>() ?? "";

    /// <summary>
    /// The record for <paramref name="key"/>: made from the framework, over the kept one if there is one. Owned fields (a
    /// leading @ compares a link by its identifier) are written over the kept ones; if any differed, the record changed.
    /// </summary>
    JsonObject Emit(string collection, string key, JsonObject made, string[] owned, DateTimeOffset changed)
    {
        if (!byKey.TryGetValue(key, out var kept) || kept.Collection != collection)
        {
            made["lastChangeDateTime"] = Time(changed);
            Add(collection, Id(made), made, null);
            return made;
        }
        var json = Parse(kept);
        var differs = false;
        foreach (var field in owned)
        {
            var link = field.StartsWith('@');
            var name = link ? field[1..] : field;
            var mine = made[name];
            var theirs = json[name];
            if (mine is null)
            {
                if (theirs is not null) { json.Remove(name); differs = true; }
                continue;
            }
            var same = theirs is not null && (link ? theirs["identifier"]?.GetValue<string>() == mine["identifier"]?.GetValue<string>() : JsonNode.DeepEquals(theirs, mine));
            if (!same)
            {
                json[name] = mine.DeepClone();
                differs = true;
            }
        }
        if (differs || json["lastChangeDateTime"] is null) json["lastChangeDateTime"] = Time(changed);
        Add(collection, Id(json), json, kept.Position);
        return json;
    }

    void Keep(string collection, CaseRecord r, JsonObject json) => Add(collection, Id(json), json, r.Position);

    void Add(string collection, string id, JsonObject json, int? position)
    {
        var entry = (position is null ? 1 : 0, position ?? sequence++, json);
        if (!lists.TryGetValue(collection, out var list)) lists[collection] = list = [];
        list.Add(entry);
        emitted.TryAdd(id, entry);
    }

    /// <summary>Records inside a rubric count for the document's time and for what is still there, but are listed by their rubric.</summary>
    void Note(JsonObject json) => emitted.TryAdd(Id(json), (0, 0, json));

    JsonArray Sorted(string collection) =>
        [.. lists.GetValueOrDefault(collection, []).OrderBy(x => x.Order).ThenBy(x => x.Position).Select(x => (JsonNode)x.Json)];

    static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
