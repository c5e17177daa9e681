using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareerMap.Framework;

/// <summary>A problem placed in the source it came from: "Requirements!D7", "roles[3].grade".</summary>
public sealed record ImportProblem(string Place, string Message)
{
    public override string ToString() => $"{Place}: {Message}";
}

public sealed record ImportReport(bool Applied, bool DryRun, IReadOnlyList<ImportProblem> Problems, FrameworkDiff? Diff)
{
    public bool Ok => Problems.Count == 0;
}

public enum WriteStatus { Saved, NotFound, Invalid, Stale, Conflict }

public sealed record WriteOutcome(WriteStatus Status, int Version = 0, IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null);

/// <summary>
/// Reads, imports and edits the framework. Every write validates the whole framework and applies only its diff; what a
/// refused write says is in the writer's language.
/// </summary>
public sealed partial class FrameworkService(CareerMapDb db, FrameworkCache cache, IEnumerable<IFrameworkReferences> references, ILogger<FrameworkService> logger,
    IStringLocalizer<SharedResource> L, TimeProvider clock, Audit.IAuditActor actor)
{
    /// <summary>The whole framework; the caller may change the copy it gets.</summary>
    public async Task<FrameworkDocument> ExportAsync(CancellationToken ct = default) => Copy((await cache.SnapshotAsync(db, ct)).Document);

    /// <summary>The framework with each item's version; shared, so read it and never change it.</summary>
    public Task<FrameworkSnapshot> SnapshotAsync(CancellationToken ct = default) => cache.SnapshotAsync(db, ct);

    /// <summary>
    /// The framework in the reader's language (the current UI culture): what pages and answers show. Edits, imports and
    /// exports work on <see cref="SnapshotAsync"/>, the organization's own texts with their translations.
    /// </summary>
    public async Task<FrameworkSnapshot> ReadingAsync(CancellationToken ct = default) =>
        (await cache.SnapshotAsync(db, ct)).In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <param name="place">Turns a document path (roles[3].grade) into the place in the source file.</param>
    /// <param name="readProblems">What the file reader already found; the rules' findings at the same places are not repeated.</param>
    /// <param name="writing">Told just before the changes are written, for progress.</param>
    /// <param name="adopting">The draft this import adopts: it becomes the version the change is kept as.</param>
    public async Task<ImportReport> ImportAsync(FrameworkDocument document, Func<string, string> place, bool dryRun,
        IReadOnlyList<ImportProblem>? readProblems = null, Action<FrameworkDiff>? writing = null, Versions.FrameworkVersion? adopting = null,
        CancellationToken ct = default)
    {
        using var activity = CareerMapTelemetry.Source.StartActivity("framework import");
        var problems = new ImportProblems(readProblems);
        var placed = problems.Select(p => p.Place).ToHashSet();
        problems.AddRange(FrameworkValidator.Validate(document, L).Select(p => new ImportProblem(place(p.Path), p.Message)).Where(p => !placed.Contains(p.Place)));
        var before = await cache.SnapshotAsync(db, ct);
        FrameworkTranslations.Stamp(before.Document, document);
        var diff = FrameworkDiff.Between(before.Document, document);
        problems.AddRange(await RemovalProblemsAsync(diff, ct));
        if (problems.Count > 0) return Refused(problems, dryRun, diff);
        if (dryRun || diff.IsEmpty)
        {
            if (!dryRun) logger.FrameworkImportUnchanged();
            CareerMapTelemetry.CountImport("framework", dryRun ? "dry-run" : "unchanged");
            return new(false, dryRun, problems, diff);
        }
        writing?.Invoke(diff);
        try
        {
            await FrameworkWriter.ApplyAsync(db, before, document, diff, Kept(before, document, Versions.FrameworkChangeKind.Import, null, adopting), L, ct);
        }
        catch (StaleFrameworkException e)
        {
            return Refused([new("import", e.Message)], false, diff);
        }
        logger.FrameworkImported(diff.Collections.Sum(c => c.Added.Count), diff.Collections.Sum(c => c.Changed.Count), diff.Collections.Sum(c => c.Removed.Count), diff.Brief());
        CareerMapTelemetry.CountImport("framework", "applied");
        return new(true, false, [], diff);
    }

    ImportReport Refused(IReadOnlyList<ImportProblem> problems, bool dryRun, FrameworkDiff diff)
    {
        if (!dryRun) logger.FrameworkImportRefused(problems.Count, problems[0].Place, problems[0].Message);
        CareerMapTelemetry.CountImport("framework", dryRun ? "dry-run" : "refused");
        return new(false, dryRun, problems, diff);
    }

    public Task<WriteOutcome> CreateAsync<T>(FrameworkCollection<T> collection, T item, CancellationToken ct = default) where T : class =>
        WriteAsync(collection, null, item, null, ct);

    public Task<WriteOutcome> UpdateAsync<T>(FrameworkCollection<T> collection, string key, T item, int? expectedVersion, CancellationToken ct = default) where T : class =>
        WriteAsync(collection, key, item, expectedVersion, ct);

    public Task<WriteOutcome> DeleteAsync<T>(FrameworkCollection<T> collection, string key, int? expectedVersion, CancellationToken ct = default) where T : class =>
        WriteAsync(collection, key, null, expectedVersion, ct);

    /// <summary>
    /// A role and its whole set of competency requirements, written together in one validated change (the role's edit
    /// page). Refused as stale when the role, or any of its requirements, changed since they were read. Errors name
    /// role fields as they are ("title") and requirements by their place in the given list ("requirements[2].level").
    /// </summary>
    public async Task<WriteOutcome> UpdateRoleAsync(string code, RoleDto role, IReadOnlyList<RequirementDto> requirements, int? expectedVersion,
        string? expectedRequirements, CancellationToken ct = default)
    {
        var before = await cache.SnapshotAsync(db, ct);
        var index = FrameworkCollections.Roles.IndexOf(before.Document, code);
        if (index < 0) return new(WriteStatus.NotFound, Message: L["{0} does not exist", FrameworkCollections.Roles.Item(code, L)]);
        code = before.Document.Roles[index].Code;
        var current = before.VersionOf(FrameworkCollections.Roles, code);
        if ((expectedVersion is not null && expectedVersion != current) || (expectedRequirements is not null && expectedRequirements != before.RequirementsVersionOf(code)))
            return new(WriteStatus.Stale, Message: L["role {0} or its requirements changed since you read them; nothing was saved", code]);
        var (after, refused) = WithRole(before.Document, code, role, requirements);
        if (refused is not null) return refused;
        FrameworkTranslations.Stamp(before.Document, after);
        var diff = FrameworkDiff.Between(before.Document, after);
        var removal = await RemovalProblemsAsync(diff, ct);
        if (removal.Count > 0) return new(WriteStatus.Conflict, Errors: removal.ToDictionary(p => p.Place, p => new[] { p.Message }), Message: L["{0} is still in use", FrameworkCollections.Roles.Item(code, L)]);
        try
        {
            await FrameworkWriter.ApplyAsync(db, before, after, diff, Kept(before, after, Versions.FrameworkChangeKind.Edit, Versions.FrameworkVersions.Subject(FrameworkCollections.Roles, code)), L, ct);
        }
        catch (StaleFrameworkException e)
        {
            return new(WriteStatus.Stale, Message: e.Message);
        }
        logger.FrameworkItemWritten("role", code, "updated with its requirements");
        return new(WriteStatus.Saved, (await cache.SnapshotAsync(db, ct)).VersionOf(FrameworkCollections.Roles, code) ?? 1);
    }

    /// <summary>
    /// Replaces an item's translation into one language with the given texts (keys as <see cref="FrameworkTranslations.Texts"/>
    /// gives them), refused as stale when the item changed since the form read it; its own texts stay as they are.
    /// Confirmed keys are translations HR checked against an edited original and kept.
    /// </summary>
    public Task<WriteOutcome> TranslateAsync(IFrameworkCollection collection, string code, string language, IReadOnlyDictionary<string, string?> texts,
        int? expectedVersion, IReadOnlySet<string>? confirmed = null, CancellationToken ct = default) => collection switch
    {
        FrameworkCollection<GradeDto> c => TranslateAsync(c, code, language, texts, expectedVersion, confirmed, ct),
        FrameworkCollection<UnitDto> c => TranslateAsync(c, code, language, texts, expectedVersion, confirmed, ct),
        FrameworkCollection<FamilyDto> c => TranslateAsync(c, code, language, texts, expectedVersion, confirmed, ct),
        FrameworkCollection<CompetencyDto> c => TranslateAsync(c, code, language, texts, expectedVersion, confirmed, ct),
        FrameworkCollection<RoleDto> c => TranslateAsync(c, code, language, texts, expectedVersion, confirmed, ct),
        FrameworkCollection<DutyDto> c => TranslateAsync(c, code, language, texts, expectedVersion, confirmed, ct),
        FrameworkCollection<StrategyDto> c => TranslateAsync(c, code, language, texts, expectedVersion, confirmed, ct),
        FrameworkCollection<MoveDto> c => TranslateAsync(c, code, language, texts, expectedVersion, confirmed, ct),
        _ => Task.FromResult(new WriteOutcome(WriteStatus.NotFound, Message: L["{0} has no texts to translate", collection.Item(code, L)])),
    };

    async Task<WriteOutcome> TranslateAsync<T>(FrameworkCollection<T> collection, string code, string language, IReadOnlyDictionary<string, string?> texts,
        int? expectedVersion, IReadOnlySet<string>? confirmed, CancellationToken ct) where T : class
    {
        var document = (await cache.SnapshotAsync(db, ct)).Document;
        var index = collection.IndexOf(document, code);
        if (index < 0) return new(WriteStatus.NotFound, Message: L["{0} does not exist", collection.Item(code, L)]);
        var item = collection.Items(document)[index];
        return await WriteAsync(collection, collection.Key(item), FrameworkTranslations.WithTexts(item, language, texts, confirmed), expectedVersion, ct);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"requirements\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex RequirementPlaces();

    /// <summary>"requirements[57].level" of the whole document as "requirements[2].level" of the list a form sent (from index <paramref name="first"/>).</summary>
    static string RequirementPlace(string path, int first)
    {
        const string prefix = "requirements[";
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return path;
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), out var i) && i >= first ? $"{prefix}{i - first}{path[close..]}" : path;
    }

    async Task<WriteOutcome> WriteAsync<T>(FrameworkCollection<T> collection, string? key, T? item, int? expectedVersion, CancellationToken ct) where T : class
    {
        var before = await cache.SnapshotAsync(db, ct);
        var after = Copy(before.Document);
        var items = collection.Items(after);
        int index;
        if (key is null)
        {
            var newKey = collection.Key(item!);
            if (!string.IsNullOrWhiteSpace(newKey) && collection.IndexOf(after, newKey) >= 0)
                return new(WriteStatus.Conflict, Message: L["{0} already exists", collection.Item(newKey, L)]);
            items.Add(item!);
            index = items.Count - 1;
        }
        else
        {
            index = collection.IndexOf(after, key);
            if (index < 0) return new(WriteStatus.NotFound, Message: L["{0} does not exist", collection.Item(key, L)]);
            var current = before.VersionOf(collection, collection.Key(items[index]));
            if (expectedVersion is not null && expectedVersion != current)
                return new(WriteStatus.Stale, Message: L["{0} has changed since you read it (version {1}, you sent {2}); nothing was saved", collection.Item(key, L), current ?? 0, expectedVersion]);
            if (item is null) items.RemoveAt(index);
            else
            {
                if (!string.Equals(collection.Key(item), collection.Key(items[index]), StringComparison.OrdinalIgnoreCase))
                    return new(WriteStatus.Invalid, Errors: new Dictionary<string, string[]> { ["code"] = [Renamed(collection.Key(item), key)] });
                items[index] = item;
            }
        }

        var errors = Errors(after, item is null ? null : $"{collection.Name}[{index}].");
        FrameworkTranslations.Stamp(before.Document, after);
        var diff = FrameworkDiff.Between(before.Document, after);
        var removal = await RemovalProblemsAsync(diff, ct);
        if (item is null && (errors.Count > 0 || removal.Count > 0))
        {
            foreach (var p in removal) errors[p.Place] = [p.Message];
            return new(WriteStatus.Conflict, Errors: errors, Message: L["{0} is still in use", collection.Item(key!, L)]);
        }
        if (errors.Count > 0)
            return new(WriteStatus.Invalid, Errors: errors);
        try
        {
            await FrameworkWriter.ApplyAsync(db, before, after, diff,
                Kept(before, after, Versions.FrameworkChangeKind.Edit, Versions.FrameworkVersions.Subject(collection, key ?? collection.Key(item!))), L, ct);
        }
        catch (StaleFrameworkException e)
        {
            return new(WriteStatus.Stale, Message: e.Message);
        }
        logger.FrameworkItemWritten(collection.Singular, key ?? collection.Key(item!), item is null ? "deleted" : key is null ? "created" : "updated");
        var version = item is null ? 0 : (await cache.SnapshotAsync(db, ct)).VersionOf(collection, collection.Key(item)) ?? 1;
        return new(WriteStatus.Saved, version);
    }

    /// <summary>What the rules find in a document, by path; the fields of the item at <paramref name="own"/> (a path prefix) named as they are ("name").</summary>
    Dictionary<string, string[]> Errors(FrameworkDocument document, string? own) => FrameworkValidator.Validate(document, L)
        .GroupBy(p => own is not null && p.Path.StartsWith(own, StringComparison.Ordinal) ? p.Path[own.Length..] : p.Path)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    /// <summary>A copy of the document with one item replaced, or why not, with the errors a direct edit gets (a draft's edit pages).</summary>
    public (FrameworkDocument After, WriteOutcome? Refused) WithItem<T>(FrameworkDocument document, FrameworkCollection<T> collection, string key, T item) where T : class
    {
        var after = Copy(document);
        var index = collection.IndexOf(after, key);
        if (index < 0) return (after, new(WriteStatus.NotFound, Message: L["{0} does not exist", collection.Item(key, L)]));
        var items = collection.Items(after);
        if (!string.Equals(collection.Key(item), collection.Key(items[index]), StringComparison.OrdinalIgnoreCase))
            return (after, new(WriteStatus.Invalid, Errors: new Dictionary<string, string[]> { ["code"] = [Renamed(collection.Key(item), key)] }));
        items[index] = item;
        var errors = Errors(after, $"{collection.Name}[{index}].");
        return (after, errors.Count > 0 ? new(WriteStatus.Invalid, Errors: errors) : null);
    }

    /// <summary>
    /// A copy of the document with the role and its whole set of requirements replaced, or why not: errors name role fields
    /// as they are ("title") and requirements by their place in the given list ("requirements[2].level").
    /// </summary>
    public (FrameworkDocument After, WriteOutcome? Refused) WithRole(FrameworkDocument document, string code, RoleDto role, IReadOnlyList<RequirementDto> requirements)
    {
        var after = Copy(document);
        var index = FrameworkCollections.Roles.IndexOf(after, code);
        if (index < 0) return (after, new(WriteStatus.NotFound, Message: L["{0} does not exist", FrameworkCollections.Roles.Item(code, L)]));
        code = after.Roles[index].Code;
        if (!string.Equals(role.Code, code, StringComparison.OrdinalIgnoreCase))
            return (after, new(WriteStatus.Invalid, Errors: new Dictionary<string, string[]> { ["code"] = [Renamed(role.Code, code)] }));
        after.Roles[index] = role with { Code = code };
        after.Requirements.RemoveAll(r => string.Equals(r.Role, code, StringComparison.OrdinalIgnoreCase));
        var first = after.Requirements.Count;
        after.Requirements.AddRange(requirements.Select(r => r with { Role = code }));

        var own = $"roles[{index}].";
        var errors = FrameworkValidator.Validate(after, L)
            .GroupBy(p => p.Path.StartsWith(own, StringComparison.Ordinal) ? p.Path[own.Length..] : RequirementPlace(p.Path, first))
            .ToDictionary(g => g.Key, g => g.Select(p => RequirementPlaces().Replace(p.Message, m => RequirementPlace(m.Value, first))).ToArray());
        return (after, errors.Count > 0 ? new(WriteStatus.Invalid, Errors: errors) : null);
    }

    /// <summary>
    /// The version a change is kept as: the draft being adopted, or a new version in effect today. The framework a database
    /// starts with is in effect from the start, so the map on any earlier date reads it.
    /// </summary>
    Versions.FrameworkVersion Kept(FrameworkSnapshot before, FrameworkDocument after, Versions.FrameworkChangeKind kind, string? subject,
        Versions.FrameworkVersion? adopting = null)
    {
        var version = adopting ?? new Versions.FrameworkVersion
        {
            Kind = kind, Subject = subject, Document = "", CreatedAt = clock.UtcNow(), CreatedBy = actor.Name,
            EffectiveOn = before.Document.Roles.Count == 0 && before.Document.Competencies.Count == 0 ? null : clock.Today(),
        };
        version.Document = Versions.FrameworkVersions.Serialize(after);
        version.State = Versions.FrameworkVersionState.Adopted;
        version.AdoptedAt = clock.UtcNow();
        version.AdoptedBy = actor.Name;
        return version;
    }

    string Renamed(string sent, string address) => L["the body names {0} but the address names {1}; codes cannot be renamed here", sent, address];

    async Task<List<ImportProblem>> RemovalProblemsAsync(FrameworkDiff diff, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        foreach (var holder in references) problems.AddRange(await holder.RemovalProblemsAsync(diff, ct));
        return problems;
    }

    static FrameworkDocument Copy(FrameworkDocument d) => new()
    {
        Format = d.Format,
        Organization = d.Organization,
        Grades = [.. d.Grades],
        Units = [.. d.Units],
        Families = [.. d.Families],
        Competencies = [.. d.Competencies],
        Roles = [.. d.Roles],
        Requirements = [.. d.Requirements],
        Duties = [.. d.Duties],
        Strategies = [.. d.Strategies],
        Moves = [.. d.Moves],
    };
}
