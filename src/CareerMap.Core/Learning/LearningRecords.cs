using System.Text.Json;
using CareerMap.Data;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareerMap.Learning;

/// <summary>A learning record as people read it, with the plan action whose activity it is, if any.</summary>
public sealed record LearningRecordView(Guid Id, string Verb, string? VerbName, string Activity, string? ActivityName, bool? Completion, bool? Success,
    double? Scaled, double? Raw, double? Min, double? Max, string? Duration, DateTime At, string Source, string? PlanAction)
{
    /// <summary>The result as a percentage when the learning system gave one (scaled, or raw within min and max).</summary>
    public int? Percent => Scaled is { } s ? (int)Math.Round(s * 100) : Raw is { } r && Min is { } lo && Max is { } hi && hi > lo ? (int)Math.Round((r - lo) / (hi - lo) * 100) : null;

    /// <summary>The verb's last path segment when the learning system sent no display name (http://adlnet.gov/expapi/verbs/completed → completed).</summary>
    public string VerbText => VerbName ?? Verb.TrimEnd('/').Split('/', '#')[^1];
}

/// <summary>What storing a batch did: the statement ids in the order sent, or every problem and nothing stored.</summary>
public sealed record LearningBatch(IReadOnlyList<Guid> Ids, IReadOnlyList<XapiProblem> Problems);

/// <summary>
/// Statements from the learning system, kept as evidence on the person they are about: a batch is checked whole and
/// stored whole or not at all (as xAPI asks of a batch), each statement matched to a person by e-mail (mbox) or by
/// employee number (account name). A statement sent again with the same id is kept once.
/// </summary>
public sealed class LearningRecords(CareerMapDb db, TimeProvider clock, ILogger<LearningRecords> logger)
{
    public const int MaxBatch = 1000;

    public async Task<LearningBatch> StoreAsync(IReadOnlyList<JsonElement> statements, string source, bool batch, CancellationToken ct = default)
    {
        var problems = new List<XapiProblem>();
        if (statements.Count > MaxBatch) return new([], [new("statements", $"at most {MaxBatch} statements a request; this one holds {statements.Count}")]);
        if (statements.Count == 0) return new([], [new("statements", "the request holds no statement")]);
        string Place(int i) => batch ? $"statements[{i}]" : "statement";
        var read = statements.Select((s, i) => Xapi.Read(s, Place(i), problems)).ToList();

        var emails = read.Where(s => s?.Actor.Email is not null).Select(s => s!.Actor.Email!.ToLowerInvariant()).Distinct().ToList();
        var names = read.Where(s => s?.Actor.AccountName is not null).Select(s => s!.Actor.AccountName!).Distinct().ToList();
        var lowered = names.Select(n => n.ToLowerInvariant()).ToList();
        // ToLower here is SQL's lower(), which EF translates; the culture rules are the database's, not this process's.
#pragma warning disable CA1304, CA1311
        var people = await db.Employees.AsNoTracking()
            .Where(e => emails.Contains(e.Email.ToLower()) || names.Contains(e.EmployeeNumber) || lowered.Contains(e.Email.ToLower()))
            .Select(e => new { e.Id, e.Email, e.EmployeeNumber }).ToListAsync(ct);
#pragma warning restore CA1304, CA1311
        int? Person(XapiAgent a) =>
            a.Email is { } email ? people.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase))?.Id
            : people.FirstOrDefault(p => p.EmployeeNumber == a.AccountName)?.Id ?? people.FirstOrDefault(p => string.Equals(p.Email, a.AccountName, StringComparison.OrdinalIgnoreCase))?.Id;

        var ids = read.Select(s => s?.Id).Where(g => g is not null).Select(g => g!.Value).ToList();
        var stored = await db.LearningRecords.AsNoTracking().Where(r => ids.Contains(r.StatementId))
            .Select(r => new { r.StatementId, r.EmployeeId, r.Verb, r.Activity }).ToDictionaryAsync(r => r.StatementId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var seen = new HashSet<Guid>();
        var records = new List<LearningRecord>();
        var answer = new List<Guid>();
        for (var i = 0; i < read.Count; i++)
        {
            if (read[i] is not { } s) continue;
            var person = Person(s.Actor);
            if (person is null)
            {
                problems.Add(new($"{Place(i)}.actor", s.Actor.Email is not null
                    ? $"no one in CareerMap has the e-mail {s.Actor.Email}"
                    : $"no one in CareerMap has the employee number or e-mail '{s.Actor.AccountName}'"));
                continue;
            }
            var id = s.Id ?? Guid.NewGuid();
            answer.Add(id);
            if (!seen.Add(id))
            {
                problems.Add(new($"{Place(i)}.id", $"statement {id} is in this request twice"));
                continue;
            }
            if (stored.TryGetValue(id, out var earlier))
            {
                // The same statement again (a retry after a lost answer) is already kept; another under its id is a conflict.
                if (earlier.EmployeeId != person || earlier.Verb != s.Verb || earlier.Activity != s.Activity)
                    problems.Add(new($"{Place(i)}.id", $"statement {id} is already stored with other content", Conflict: true));
                continue;
            }
            records.Add(new LearningRecord
            {
                StatementId = id, EmployeeId = person.Value, Verb = s.Verb, VerbName = s.VerbName, Activity = s.Activity, ActivityName = s.ActivityName,
                Completion = s.Completion, Success = s.Success, Scaled = s.Scaled, Raw = s.Raw, Min = s.Min, Max = s.Max, Duration = s.Duration,
                At = s.Timestamp ?? now, StoredAt = now, Source = source, Statement = s.Json,
            });
        }
        if (problems.Count > 0)
        {
            logger.StatementsRefused(source, problems.Count, problems[0].Place);
            return new([], problems);
        }
        db.LearningRecords.AddRange(records);
        await db.SaveChangesAsync(ct);
        logger.StatementsStored(source, records.Count, answer.Count - records.Count);
        return new(answer, []);
    }

    /// <summary>A person's learning records, newest first, each with the action of theirs whose activity it is.</summary>
    public async Task<IReadOnlyList<LearningRecordView>> OfAsync(int employeeId, int take = 50, CancellationToken ct = default)
    {
        var records = await db.LearningRecords.AsNoTracking().Where(r => r.EmployeeId == employeeId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(take).ToListAsync(ct);
        if (records.Count == 0) return [];
        var activities = records.Select(r => r.Activity).Distinct().ToList();
        var actions = await db.PlanActions.AsNoTracking()
            .Where(a => a.Activity != null && activities.Contains(a.Activity) && db.Plans.Any(p => p.Id == a.PlanId && p.EmployeeId == employeeId))
            .OrderByDescending(a => a.PlanId).Select(a => new { a.Activity, a.Description }).ToListAsync(ct);
        var byActivity = actions.GroupBy(a => a.Activity!).ToDictionary(g => g.Key, g => g.First().Description);
        return [.. records.Select(r => View(r, byActivity.GetValueOrDefault(r.Activity)))];
    }

    /// <summary>The records about these activities (a plan's actions'), by activity, newest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<LearningRecordView>>> ForActivitiesAsync(int employeeId, IReadOnlyCollection<string> activities,
        CancellationToken ct = default)
    {
        if (activities.Count == 0) return new Dictionary<string, IReadOnlyList<LearningRecordView>>();
        var list = activities.ToList();
        var records = await db.LearningRecords.AsNoTracking().Where(r => r.EmployeeId == employeeId && list.Contains(r.Activity))
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToListAsync(ct);
        return records.GroupBy(r => r.Activity).ToDictionary(g => g.Key, g => (IReadOnlyList<LearningRecordView>)[.. g.Select(r => View(r, null))]);
    }

    static LearningRecordView View(LearningRecord r, string? action) =>
        new(r.StatementId, r.Verb, r.VerbName, r.Activity, r.ActivityName, r.Completion, r.Success, r.Scaled, r.Raw, r.Min, r.Max, r.Duration, r.At, r.Source, action);
}

static partial class LearningLog
{
    [LoggerMessage(8001, LogLevel.Information, "Learning statements from {Source} stored: {Stored} new, {AlreadyKept} already kept")]
    public static partial void StatementsStored(this ILogger logger, string source, int stored, int alreadyKept);

    [LoggerMessage(8002, LogLevel.Information, "Learning statements from {Source} refused: {ProblemCount} problem(s), the first at {FirstPlace}")]
    public static partial void StatementsRefused(this ILogger logger, string source, int problemCount, string firstPlace);
}
