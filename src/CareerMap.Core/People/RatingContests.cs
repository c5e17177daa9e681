using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;

namespace CareerMap.People;

/// <summary>How a leader answered a contested rating: it stands, or a new rating replaces it (the old one stays in the history).</summary>
public enum ContestOutcome { Kept, Changed }

/// <summary>
/// A person's disagreement with a manager's rating of them, and the answer. Both sides are kept as written; a changed
/// rating is a new rating, so the history of ratings stays append-only.
/// </summary>
public sealed class RatingContest
{
    public int Id { get; set; }
    public long AssessmentId { get; set; }
    public Assessment Assessment { get; set; } = null!;
    public int EmployeeId { get; set; }
    public DateOnly OpenedOn { get; set; }
    public required string Comment { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public int? AnsweredById { get; set; }
    public string? Answer { get; set; }
    public ContestOutcome? Outcome { get; set; }
    /// <summary>The rating that replaced the contested one, when the answer changed it.</summary>
    public long? NewAssessmentId { get; set; }
}

sealed class RatingContestConfiguration : IEntityTypeConfiguration<RatingContest>
{
    public void Configure(EntityTypeBuilder<RatingContest> b)
    {
        b.ToTable("rating_contests");
        // A rating is contested once: the answer is the end of it (a later rating can be contested afresh).
        b.HasIndex(x => x.AssessmentId).IsUnique();
        b.HasIndex(x => new { x.EmployeeId, x.AnsweredOn });
        b.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.AnsweredById).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Comment).HasMaxLength(RatingContests.MaxComment);
        b.Property(x => x.Answer).HasMaxLength(RatingContests.MaxComment);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
    }
}

/// <summary>A contest as people read it: the rating, the person's comment, and the answer once there is one.</summary>
public sealed record ContestView(int Id, string EmployeeNumber, string EmployeeName, long AssessmentId, string Competency, int Level, string? RatedBy,
    DateOnly RatedOn, string? Evidence, DateOnly OpenedOn, string Comment, int DaysOpen, DateOnly? AnsweredOn, string? AnsweredBy, string? Answer,
    ContestOutcome? Outcome, int? NewLevel);

/// <summary>
/// Contesting a manager's rating and answering it. The person rated contests; someone above them answers (their
/// manager, or higher up). An open contest is for the person's manager; after <see cref="EscalationDays"/> days it is
/// also shown to everyone above the manager, and HR sees every contest.
/// </summary>
public sealed class RatingContests(CareerMapDb db, PeopleDirectory people, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    public const int MaxComment = 1000;
    public const int EscalationDays = 14;

    /// <summary>Opens a contest of one of the person's own manager ratings; the field errors in the reader's language when refused.</summary>
    public async Task<(ContestView? Opened, Dictionary<string, string[]> Errors)> OpenAsync(int employeeId, long assessmentId, string? comment, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var rating = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId && a.EmployeeId == employeeId).Select(a => new { a.Source }).FirstOrDefaultAsync(ct);
        if (rating is null) errors["assessment"] = [L["no rating {0} of this person", assessmentId]];
        else if (rating.Source != AssessmentSource.Manager) errors["assessment"] = [L["only a manager's rating can be contested"]];
        else if (await db.RatingContests.AnyAsync(c => c.AssessmentId == assessmentId, ct)) errors["assessment"] = [L["this rating has already been contested"]];
        CheckComment(comment, "comment", errors);
        if (errors.Count > 0) return (null, errors);
        var contest = new RatingContest { AssessmentId = assessmentId, EmployeeId = employeeId, OpenedOn = clock.Today(), Comment = comment!.Trim() };
        db.RatingContests.Add(contest);
        await db.SaveChangesAsync(ct);
        return ((await ViewsAsync(db.RatingContests.Where(c => c.Id == contest.Id), ct))[0], errors);
    }

    /// <summary>
    /// Answers an open contest: kept, or changed to a new level recorded as the leader's rating with the answer as its
    /// evidence. Null with no errors when there is no such contest of this person.
    /// </summary>
    public async Task<(ContestView? Answered, Dictionary<string, string[]> Errors)> AnswerAsync(int employeeId, int contestId, int leaderId, string? outcome, int? level,
        string? answer, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var contest = await db.RatingContests.Include(c => c.Assessment).ThenInclude(a => a.Competency).FirstOrDefaultAsync(c => c.Id == contestId && c.EmployeeId == employeeId, ct);
        if (contest is null) return (null, errors);
        if (contest.AnsweredOn is not null) errors["contest"] = [L["this contest has already been answered"]];
        var decided = WireNames.Parse<ContestOutcome>(outcome);
        if (decided is null) errors["outcome"] = [L["outcome is kept or changed"]];
        else if (decided == ContestOutcome.Changed && level is null) errors["level"] = [L["level is required"]];
        else if (decided == ContestOutcome.Changed && level == contest.Assessment.Level) errors["level"] = [L["a changed rating needs a level other than {0}", level!.Value]];
        CheckComment(answer, "answer", errors);
        if (errors.Count > 0) return (null, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (decided == ContestOutcome.Changed)
        {
            var (saved, problems) = await people.RecordAsync(employeeId, contest.Assessment.Competency.Code, level, AssessmentSource.Manager, leaderId, answer, clock.Today(), ct);
            if (saved is null) return (null, problems);
            contest.NewAssessmentId = saved.Id;
        }
        contest.Outcome = decided;
        contest.Answer = answer!.Trim();
        contest.AnsweredOn = clock.Today();
        contest.AnsweredById = leaderId;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ((await ViewsAsync(db.RatingContests.Where(c => c.Id == contest.Id), ct))[0], errors);
    }

    /// <summary>Every contest of one person, newest first.</summary>
    public async Task<IReadOnlyList<ContestView>> OfAsync(int employeeId, CancellationToken ct = default) =>
        await ViewsAsync(db.RatingContests.Where(c => c.EmployeeId == employeeId), ct);

    /// <summary>
    /// The open contests waiting on this viewer: those of their direct reports, and those of anyone further down their line
    /// open longer than <see cref="EscalationDays"/> days; for HR (<paramref name="viewer"/> null) every open contest.
    /// </summary>
    public async Task<IReadOnlyList<ContestView>> WaitingAsync(int? viewer, CancellationToken ct = default)
    {
        var open = db.RatingContests.Where(c => c.AnsweredOn == null);
        if (viewer is int me)
        {
            var escalated = clock.Today().AddDays(-EscalationDays);
            var below = ReportingLine.SelfAndBelow(db, me);
            open = open.Where(c => db.Employees.Any(e => e.Id == c.EmployeeId && e.Id != me
                && (e.ManagerId == me || (c.OpenedOn <= escalated && below.Contains(e.Id)))));
        }
        return await ViewsAsync(open, ct);
    }

    void CheckComment(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            errors[field] = [field == "answer" ? L["Write your answer: say why in a sentence or two."] : L["Write your comment: say why in a sentence or two."]];
        else if (text.Trim().Length > MaxComment) errors[field] = [L["Keep it to {0} characters or fewer.", MaxComment.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]];
    }

    async Task<IReadOnlyList<ContestView>> ViewsAsync(IQueryable<RatingContest> contests, CancellationToken ct)
    {
        var rows = await contests.AsNoTracking().OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).Select(c => new
        {
            c.Id, c.EmployeeId, c.AssessmentId, Competency = c.Assessment.Competency.Code, c.Assessment.Level, c.Assessment.AssessorId, c.Assessment.AssessedOn,
            c.Assessment.Evidence, c.OpenedOn, c.Comment, c.AnsweredOn, c.AnsweredById, c.Answer, c.Outcome,
            NewLevel = db.Assessments.Where(a => a.Id == c.NewAssessmentId).Select(a => (int?)a.Level).FirstOrDefault(),
        }).ToListAsync(ct);
        var ids = rows.SelectMany(r => new[] { r.EmployeeId, r.AssessorId ?? 0, r.AnsweredById ?? 0 }).Where(i => i != 0).Distinct().ToList();
        var named = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => new { e.EmployeeNumber, e.Name }, ct);
        var today = clock.Today();
        return [.. rows.Select(r => new ContestView(r.Id, named[r.EmployeeId].EmployeeNumber, named[r.EmployeeId].Name, r.AssessmentId, r.Competency, r.Level,
            r.AssessorId is int a && named.TryGetValue(a, out var by) ? by.Name : null, r.AssessedOn, r.Evidence, r.OpenedOn, r.Comment,
            (r.AnsweredOn ?? today).DayNumber - r.OpenedOn.DayNumber, r.AnsweredOn,
            r.AnsweredById is int l && named.TryGetValue(l, out var leader) ? leader.Name : null, r.Answer, r.Outcome, r.NewLevel))];
    }
}
