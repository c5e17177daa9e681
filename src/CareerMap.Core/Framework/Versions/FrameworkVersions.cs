using System.Text.Json;
using CareerMap.Audit;
using CareerMap.Data;
using CareerMap.Framework.Formats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareerMap.Framework.Versions;

/// <summary>A version without its document: what lists and answers show.</summary>
public sealed record FrameworkVersionView(int Number, FrameworkVersionState State, FrameworkChangeKind Kind, string? Subject, int? BasedOn,
    DateOnly? EffectiveOn, DateTime CreatedAt, string CreatedBy, DateTime? AdoptedAt, string? AdoptedBy, string? Note, int Version)
{
    public static FrameworkVersionView Of(FrameworkVersion v) =>
        new(v.Id, v.State, v.Kind, v.Subject, v.BasedOn, v.EffectiveOn, v.CreatedAt, v.CreatedBy, v.AdoptedAt, v.AdoptedBy, v.Note, v.Version);
}

/// <summary>What a draft change came to: the draft as it now is, or why nothing changed.</summary>
public sealed record DraftOutcome(WriteStatus Status, FrameworkVersionView? Draft = null, string? Message = null,
    IReadOnlyList<ImportProblem>? Problems = null, IReadOnlyList<MergeConflict>? Conflicts = null);

/// <summary>A version written as a file to download.</summary>
public sealed record VersionFile(byte[] Content, string ContentType, string Name);

/// <summary>The framework in effect on a day: the version, its document, and whether the day is before any version kept.</summary>
public sealed record FrameworkAsOf(DateOnly Day, FrameworkVersionView Version, FrameworkDocument Document, bool BeforeFirstKept);

/// <summary>
/// Drafts, adoption and the history of the framework. Edits made directly are adopted at once (each is kept as a version);
/// a draft collects changes nobody sees until HR adopts it with an effective date — today, or later, when the periodic
/// round adopts it. Adopting carries the draft's own changes onto the framework as it stands then.
/// </summary>
public sealed class FrameworkVersions(CareerMapDb db, FrameworkService framework, TimeProvider clock, IAuditActor actor,
    IStringLocalizer<SharedResource> L, ILogger<FrameworkVersions> logger)
{
    public const int SubjectLength = 200;
    public const int NoteLength = 1000;

    public static string Subject(IFrameworkCollection collection, string key) => $"{collection.Name}:{key}";

    public static string Serialize(FrameworkDocument document) => JsonSerializer.Serialize(document, JsonFrameworkFormat.Options);

    public static FrameworkDocument Deserialize(string json) => JsonSerializer.Deserialize<FrameworkDocument>(json, JsonFrameworkFormat.Options) ?? new();

    /// <summary>The subject in words: "role CC-REP-1"; a draft's name as HR gave it.</summary>
    public static string? Describe(FrameworkVersionView v, IStringLocalizer L)
    {
        if (v.Subject is null || v.Kind == FrameworkChangeKind.Draft) return v.Subject;
        var colon = v.Subject.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && FrameworkCollections.Named(v.Subject[..colon]) is { } c ? c.Item(v.Subject[(colon + 1)..], L) : v.Subject;
    }

    /// <summary>The newest versions first: every adopted one, the open draft, and drafts scheduled or discarded.</summary>
    public async Task<IReadOnlyList<FrameworkVersionView>> ListAsync(int take = 200, CancellationToken ct = default) =>
        (await db.FrameworkVersions.AsNoTracking().OrderByDescending(v => v.Id).Take(take).ToListAsync(ct)).Select(FrameworkVersionView.Of).ToList();

    public async Task<(FrameworkVersionView View, FrameworkDocument Document)?> GetAsync(int number, CancellationToken ct = default) =>
        await db.FrameworkVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == number, ct) is { } v ? (FrameworkVersionView.Of(v), Deserialize(v.Document)) : null;

    /// <summary>The file formats a version downloads as: careermap/1 JSON, the Excel workbook, a CASE 1.1 package.</summary>
    public static readonly IReadOnlyList<string> Formats = ["json", "xlsx", "case"];

    /// <summary>A version's whole framework as a file; null when there is no such version or no such format.</summary>
    /// <param name="requestBase">The address the request came to, for CASE URIs when no base URL is configured.</param>
    public async Task<VersionFile?> FileAsync(int number, string format, Case.CaseExchange cases, string? requestBase, CancellationToken ct = default)
    {
        format = format.ToLowerInvariant();
        if (!Formats.Contains(format) || await GetAsync(number, ct) is not { } found) return null;
        var (view, document) = found;
        var name = $"{document.Organization.Code.ToLowerInvariant()}-framework-v{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        using var buffer = new MemoryStream();
        if (format == "case")
        {
            var adopted = new DateTimeOffset(DateTime.SpecifyKind(view.AdoptedAt ?? view.CreatedAt, DateTimeKind.Utc));
            await Case.CaseExchange.WriteAsync(await cases.PackageAsync(document, adopted, requestBase, ct), buffer, ct);
            return new(buffer.ToArray(), "application/json", $"{name}-case.json");
        }
        var xlsx = format == "xlsx";
        FrameworkFiles.Write(document, xlsx ? FrameworkFileFormat.Xlsx : FrameworkFileFormat.Json, buffer);
        return xlsx ? new(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx")
            : new(buffer.ToArray(), "application/json", $"{name}.json");
    }

    /// <summary>The draft being worked on or waiting for its date, if any: there is at most one.</summary>
    public async Task<FrameworkVersionView?> OpenAsync(CancellationToken ct = default) =>
        await Pending().AsNoTracking().FirstOrDefaultAsync(ct) is { } v ? FrameworkVersionView.Of(v) : null;

    IQueryable<FrameworkVersion> Pending() =>
        db.FrameworkVersions.Where(v => v.State == FrameworkVersionState.Draft || v.State == FrameworkVersionState.Scheduled).OrderBy(v => v.Id);

    /// <summary>A version written as a file to download.</summary>
public sealed record VersionFile(byte[] Content, string ContentType, string Name);

/// <summary>The framework in effect on a day; before the first version kept, the first one (the earliest there is to show).</summary>
    public async Task<FrameworkAsOf?> AsOfAsync(DateOnly day, CancellationToken ct = default)
    {
        await BaselineAsync(ct);
        var adopted = db.FrameworkVersions.AsNoTracking().Where(v => v.State == FrameworkVersionState.Adopted);
        var version = await adopted.Where(v => v.EffectiveOn == null || v.EffectiveOn <= day)
            .OrderBy(v => v.EffectiveOn == null).ThenByDescending(v => v.EffectiveOn).ThenByDescending(v => v.AdoptedAt).ThenByDescending(v => v.Id).FirstOrDefaultAsync(ct);
        var before = version is null;
        // PostgreSQL sorts nulls last going up and first going down, SQLite the other way round: say where they go.
        version ??= await adopted.OrderByDescending(v => v.EffectiveOn == null).ThenBy(v => v.EffectiveOn).ThenBy(v => v.AdoptedAt).ThenBy(v => v.Id).FirstOrDefaultAsync(ct);
        return version is null ? null : new(day, FrameworkVersionView.Of(version), Deserialize(version.Document), before);
    }

    /// <summary>
    /// The version the framework stands at now. A database from before versions were kept gets one, in effect from the start,
    /// holding the framework as it is.
    /// </summary>
    async Task<int> BaselineAsync(CancellationToken ct)
    {
        // Only the number: the document is the whole framework, and this runs on every read of the past.
        var latest = await Latest().Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        if (latest is { } id) return id;
        var document = await framework.ExportAsync(ct);
        var baseline = new FrameworkVersion
        {
            State = FrameworkVersionState.Adopted, Kind = FrameworkChangeKind.Import, Document = Serialize(document), CreatedAt = clock.UtcNow(),
            CreatedBy = actor.Name, AdoptedAt = clock.UtcNow(), AdoptedBy = actor.Name,
        };
        db.FrameworkVersions.Add(baseline);
        await db.SaveChangesAsync(ct);
        return baseline.Id;
    }

    IQueryable<FrameworkVersion> Latest() =>
        db.FrameworkVersions.Where(v => v.State == FrameworkVersionState.Adopted).OrderByDescending(v => v.AdoptedAt).ThenByDescending(v => v.Id);

    /// <summary>Starts a draft holding the framework as it is now; refused while another draft is open.</summary>
    public async Task<DraftOutcome> StartAsync(string? name, CancellationToken ct = default)
    {
        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (name?.Length > SubjectLength) return new(WriteStatus.Invalid, Problems: [new("name", L["at most {0} characters", SubjectLength])]);
        if (await OpenAsync(ct) is { } open) return new(WriteStatus.Conflict, open, L["Draft {0} is already open; adopt or discard it first.", open.Number]);
        var start = await BaselineAsync(ct);
        var draft = new FrameworkVersion
        {
            State = FrameworkVersionState.Draft, Kind = FrameworkChangeKind.Draft, Subject = name, BasedOn = start,
            Document = Serialize(await framework.ExportAsync(ct)), CreatedAt = clock.UtcNow(), CreatedBy = actor.Name,
        };
        db.FrameworkVersions.Add(draft);
        Audited(draft, "added", $"based on version {start}");
        await db.SaveChangesAsync(ct);
        logger.DraftStarted(draft.Id, start);
        return new(WriteStatus.Saved, FrameworkVersionView.Of(draft));
    }

    /// <summary>Replaces the draft's whole framework (an uploaded file, or the API's body); refused, naming each place, when the rules refuse it.</summary>
    public async Task<DraftOutcome> ReplaceAsync(int number, FrameworkDocument document, Func<string, string> place, int? expectedVersion,
        IReadOnlyList<ImportProblem>? readProblems = null, CancellationToken ct = default)
    {
        var problems = new ImportProblems(readProblems);
        var placed = problems.Select(p => p.Place).ToHashSet();
        problems.AddRange(FrameworkValidator.Validate(document, L).Select(p => new ImportProblem(place(p.Path), p.Message)).Where(p => !placed.Contains(p.Place)));
        if (problems.Count > 0) return new(WriteStatus.Invalid, Problems: problems);
        return await ChangeDraftAsync(number, expectedVersion, _ => document, ct);
    }

    /// <summary>
    /// A role and its whole set of requirements changed in the draft (the role's edit page, "Save to draft"), with the
    /// same errors a direct edit gets; refused as stale when the draft changed since the form read it.
    /// </summary>
    public Task<WriteOutcome> UpdateRoleAsync(int number, string code, RoleDto role, IReadOnlyList<RequirementDto> requirements, int? expectedVersion,
        CancellationToken ct = default) =>
        EditDraftAsync(number, expectedVersion, d => framework.WithRole(d, code, role, requirements), ct);

    /// <summary>One item (a competency, a grade, …) changed in the draft (an edit page's "Save to draft"), with the errors a direct edit gets.</summary>
    public Task<WriteOutcome> UpdateItemAsync<T>(int number, FrameworkCollection<T> collection, string key, T item, int? expectedVersion,
        CancellationToken ct = default) where T : class =>
        EditDraftAsync(number, expectedVersion, d => framework.WithItem(d, collection, key, item), ct);

    /// <summary>A change of the draft that may refuse itself with the errors of a direct edit; answered as the edit pages read it.</summary>
    async Task<WriteOutcome> EditDraftAsync(int number, int? expectedVersion, Func<FrameworkDocument, (FrameworkDocument After, WriteOutcome? Refused)> change,
        CancellationToken ct)
    {
        WriteOutcome? refused = null;
        var outcome = await ChangeDraftAsync(number, expectedVersion, d =>
        {
            (var after, refused) = change(d);
            return refused is null ? after : null;
        }, ct);
        return refused ?? new(outcome.Status, outcome.Draft?.Version ?? 0, Message: outcome.Message);
    }

    /// <summary>The role as the open draft has it now, with its requirements, and the draft's version; null when no draft is open or the role is not in it.</summary>
    public async Task<(FrameworkVersionView Draft, FrameworkDocument Document)?> OpenDocumentAsync(CancellationToken ct = default) =>
        await Pending().AsNoTracking().FirstOrDefaultAsync(ct) is { State: FrameworkVersionState.Draft } v ? (FrameworkVersionView.Of(v), Deserialize(v.Document)) : null;

    /// <summary>
    /// Writes a changed copy of the draft's framework, refused as stale when the draft changed since it was read. A change
    /// that gives back null refuses itself: nothing is written.
    /// </summary>
    internal async Task<DraftOutcome> ChangeDraftAsync(int number, int? expectedVersion, Func<FrameworkDocument, FrameworkDocument?> change, CancellationToken ct)
    {
        var draft = await db.FrameworkVersions.FirstOrDefaultAsync(v => v.Id == number, ct);
        if (draft is null) return new(WriteStatus.NotFound, Message: L["There is no draft {0}.", number]);
        if (draft.State != FrameworkVersionState.Draft) return new(WriteStatus.Conflict, FrameworkVersionView.Of(draft), L["Version {0} is not an open draft.", number]);
        if (expectedVersion is not null && expectedVersion != draft.Version)
            return new(WriteStatus.Stale, FrameworkVersionView.Of(draft), L["Draft {0} changed since you read it; nothing was saved.", number]);
        if (change(Deserialize(draft.Document)) is not { } after) return new(WriteStatus.Invalid, FrameworkVersionView.Of(draft));
        FrameworkTranslations.Stamp(Deserialize(draft.Document), after);
        draft.Document = Serialize(after);
        draft.Version++;
        Audited(draft, "modified", null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(WriteStatus.Stale, Message: L["Draft {0} changed since you read it; nothing was saved.", number]);
        }
        return new(WriteStatus.Saved, FrameworkVersionView.Of(draft));
    }

    /// <summary>The draft's changes carried onto the framework as it stands, with the items changed on both sides since it started.</summary>
    public async Task<(FrameworkDocument Merged, IReadOnlyList<MergeConflict> Conflicts, FrameworkDocument Now)?> MergedAsync(int number, CancellationToken ct = default)
    {
        var draft = await db.FrameworkVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == number, ct);
        if (draft?.BasedOn is not { } basedOn || draft.State is not (FrameworkVersionState.Draft or FrameworkVersionState.Scheduled)) return null;
        var start = await db.FrameworkVersions.AsNoTracking().Where(v => v.Id == basedOn).Select(v => v.Document).FirstAsync(ct);
        var now = await framework.ExportAsync(ct);
        var (merged, conflicts) = FrameworkMerge.Merge(Deserialize(start), Deserialize(draft.Document), now);
        return (merged, conflicts, now);
    }

    /// <summary>
    /// Adopts the draft: from today at once; from a later day, scheduled (the periodic round adopts it on the day). Refused
    /// when an item it changes was changed differently since it started, or when the merged framework breaks a rule.
    /// </summary>
    public async Task<DraftOutcome> AdoptAsync(int number, DateOnly? effectiveOn, string? note, int? expectedVersion, CancellationToken ct = default)
    {
        var today = clock.Today();
        var day = effectiveOn ?? today;
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > NoteLength) return new(WriteStatus.Invalid, Problems: [new("note", L["at most {0} characters", NoteLength])]);
        if (day < today) return new(WriteStatus.Invalid, Problems: [new("effectiveOn", L["A version takes effect today or later; {0} has passed.", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)])]);
        var draft = await db.FrameworkVersions.FirstOrDefaultAsync(v => v.Id == number, ct);
        if (draft is null) return new(WriteStatus.NotFound, Message: L["There is no draft {0}.", number]);
        if (draft.State != FrameworkVersionState.Draft) return new(WriteStatus.Conflict, FrameworkVersionView.Of(draft), L["Version {0} is not an open draft.", number]);
        if (expectedVersion is not null && expectedVersion != draft.Version)
            return new(WriteStatus.Stale, FrameworkVersionView.Of(draft), L["Draft {0} changed since you read it; nothing was saved.", number]);
        draft.Note = note;
        if (day > today)
        {
            if (await MergedAsync(number, ct) is { Conflicts.Count: > 0 } clash) return Conflicted(draft, clash.Conflicts);
            draft.State = FrameworkVersionState.Scheduled;
            draft.EffectiveOn = day;
            draft.Version++;
            Audited(draft, "scheduled", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new(WriteStatus.Stale, Message: L["Draft {0} changed since you read it; nothing was saved.", number]);
            }
            logger.DraftScheduled(number, day);
            return new(WriteStatus.Saved, FrameworkVersionView.Of(draft));
        }
        return await AdoptNowAsync(draft, today, ct);
    }

    async Task<DraftOutcome> AdoptNowAsync(FrameworkVersion draft, DateOnly today, CancellationToken ct)
    {
        var merge = await MergedAsync(draft.Id, ct);
        if (merge is not { } m) return new(WriteStatus.Conflict, FrameworkVersionView.Of(draft), L["Version {0} is not an open draft.", draft.Id]);
        if (m.Conflicts.Count > 0) return Conflicted(draft, m.Conflicts);
        draft.EffectiveOn = today;
        draft.Version++;
        Audited(draft, "adopted", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var report = await framework.ImportAsync(m.Merged, p => p, dryRun: false, ct: ct, adopting: draft);
        if (!report.Ok)
        {
            db.ChangeTracker.Clear();
            return new(WriteStatus.Invalid, null, L["The draft cannot be adopted as it is; nothing changed."], report.Problems);
        }
        if (!report.Applied)
        {
            // Nothing to change in the framework: the draft is adopted all the same, so its history says it was.
            draft.Document = Serialize(m.Merged);
            draft.State = FrameworkVersionState.Adopted;
            draft.AdoptedAt = clock.UtcNow();
            draft.AdoptedBy = actor.Name;
            await db.SaveChangesAsync(ct);
        }
        logger.DraftAdopted(draft.Id, today);
        return new(WriteStatus.Saved, FrameworkVersionView.Of(draft));
    }

    DraftOutcome Conflicted(FrameworkVersion draft, IReadOnlyList<MergeConflict> conflicts)
    {
        db.ChangeTracker.Clear();
        return new(WriteStatus.Conflict, null,
            L["Since this draft started, the framework changed the same items differently: {0}. Change them in the draft to what they should be, or discard it.",
                string.Join(", ", conflicts.Select(c => FrameworkCollections.Named(c.Collection) is { } col ? col.Item(c.Key, L) : c.Key))],
            Conflicts: conflicts);
    }

    /// <summary>Discards the open draft (or calls off a scheduled one); it stays listed, never applied.</summary>
    public async Task<DraftOutcome> DiscardAsync(int number, CancellationToken ct = default)
    {
        var draft = await db.FrameworkVersions.FirstOrDefaultAsync(v => v.Id == number, ct);
        if (draft is null) return new(WriteStatus.NotFound, Message: L["There is no draft {0}.", number]);
        if (draft.State is not (FrameworkVersionState.Draft or FrameworkVersionState.Scheduled))
            return new(WriteStatus.Conflict, FrameworkVersionView.Of(draft), L["Version {0} is not an open draft.", number]);
        draft.State = FrameworkVersionState.Discarded;
        draft.Version++;
        Audited(draft, "discarded", null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(WriteStatus.Stale, Message: L["Draft {0} changed since you read it; nothing was saved.", number]);
        }
        return new(WriteStatus.Saved, FrameworkVersionView.Of(draft));
    }

    /// <summary>
    /// Adopts the scheduled draft whose day has come. Several instances may run this at once: the draft's concurrency
    /// token lets one adopt it; the others find it adopted. A draft that can no longer be adopted stays scheduled and is logged.
    /// </summary>
    public async Task<int?> AdoptDueAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var due = await db.FrameworkVersions.Where(v => v.State == FrameworkVersionState.Scheduled && v.EffectiveOn <= today).OrderBy(v => v.Id).FirstOrDefaultAsync(ct);
        if (due is null) return null;
        var outcome = await AdoptNowAsync(due, today, ct);
        if (outcome.Status == WriteStatus.Saved) return due.Id;
        logger.ScheduledAdoptionRefused(due.Id, outcome.Message ?? string.Join("; ", outcome.Problems ?? []));
        return null;
    }

    void Audited(FrameworkVersion version, string action, string? detail) => db.Audit.Add(new AuditEntry
    {
        Actor = AuditEntry.CurrentActor, Entity = nameof(FrameworkVersion),
        Key = version.Id > 0 ? $"{version.Id}" : version.Subject ?? "(new draft)", Action = action,
        After = JsonSerializer.Serialize(new { state = version.State.ToString(), name = version.Subject, effectiveOn = version.EffectiveOn, note = version.Note, detail }),
    });
}

static partial class FrameworkVersionsLog
{
    [LoggerMessage(1311, LogLevel.Information, "Framework draft {Draft} started from version {BasedOn}")]
    public static partial void DraftStarted(this ILogger logger, int draft, int basedOn);

    [LoggerMessage(1312, LogLevel.Information, "Framework draft {Draft} scheduled to take effect on {Day}")]
    public static partial void DraftScheduled(this ILogger logger, int draft, DateOnly day);

    [LoggerMessage(1313, LogLevel.Information, "Framework draft {Draft} adopted, in effect from {Day}")]
    public static partial void DraftAdopted(this ILogger logger, int draft, DateOnly day);

    [LoggerMessage(1314, LogLevel.Warning, "Scheduled framework draft {Draft} could not be adopted: {Reason}")]
    public static partial void ScheduledAdoptionRefused(this ILogger logger, int draft, string reason);
}
