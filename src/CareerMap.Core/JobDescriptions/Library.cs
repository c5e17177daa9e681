using System.Text.Json;
using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareerMap.JobDescriptions;

/// <summary>
/// One version of a role's job description: the source text exactly as it arrived, and what the parser made of it.
/// A description whose title matches no role is kept as a proposal for a new role (no role yet).
/// </summary>
public sealed class JobDescriptionVersion
{
    public int Id { get; set; }
    public int? RoleId { get; set; }
    public Role? Role { get; set; }
    /// <summary>1, 2, 3… per role (per proposed title for proposals).</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string SourceName { get; set; }
    public required string SourceText { get; set; }
    /// <summary>The structured description (ParsedJobDescription as JSON).</summary>
    public required string Structured { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>The competency links HR confirmed (code → level), as JSON; null until HR has reviewed them.</summary>
    public string? ConfirmedLinks { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
}

sealed class JobDescriptionVersionConfiguration : IEntityTypeConfiguration<JobDescriptionVersion>
{
    public void Configure(EntityTypeBuilder<JobDescriptionVersion> b)
    {
        b.ToTable("job_description_versions");
        b.HasIndex(x => new { x.RoleId, x.Number });
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.SourceName).HasMaxLength(260);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.ConfirmedBy).HasMaxLength(256);
        b.HasOne(x => x.Role).WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record JdVersionSummary(int Id, string? Role, string Title, int Number, string SourceName, DateTime CreatedAt, string CreatedBy, bool Confirmed);

public sealed record JdVersionView(int Id, string? Role, string? RoleTitle, string Title, int Number, string SourceName, DateTime CreatedAt, string CreatedBy,
    ParsedJobDescription Description, IReadOnlyDictionary<string, int>? ConfirmedLinks, DateTime? ConfirmedAt, string? ConfirmedBy, IReadOnlyDictionary<string, int> CurrentRequirements,
    EarlierDecision? Earlier = null)
{
    public IReadOnlyList<LinkOffer> Offers => LinkOffers.For(Description.Competencies, CurrentRequirements, ConfirmedLinks, Earlier);
}

public sealed record LinkDecision(string Competency, int Level);

/// <summary>What confirming a suggested link would do to the role's requirement for that competency.</summary>
public enum LinkEffect { New, Raise, Same, Lower }

/// <summary>
/// A suggested link as HR first sees it: the level and tick offered, the requirement standing now, and where the offer
/// comes from (HR's own decision on an earlier version of the same role, or the words of this one).
/// </summary>
public sealed record LinkOffer(CompetencyMatch Match, int Level, bool Ticked, int? Current, LinkEffect Effect, int? DecidedOnVersion, bool DeclinedBefore);

/// <summary>HR's decisions on the last confirmed version of the same role: what it suggested and what HR kept, at which level.</summary>
public sealed record EarlierDecision(int Number, IReadOnlySet<string> Suggested, IReadOnlyDictionary<string, int> Confirmed);

public static class LinkOffers
{
    /// <summary>
    /// Never lowers silently: a link that would lower the standing requirement is offered unticked. HR's corrections are
    /// remembered: a competency HR confirmed on an earlier version is offered at the level HR chose then, and one HR
    /// declined then is offered unticked. A version already confirmed shows what was confirmed.
    /// </summary>
    public static IReadOnlyList<LinkOffer> For(IReadOnlyList<CompetencyMatch> suggested, IReadOnlyDictionary<string, int> current,
        IReadOnlyDictionary<string, int>? confirmed, EarlierDecision? earlier) => [.. suggested.Select(m =>
    {
        int? now = current.TryGetValue(m.Code, out var c) ? c : null;
        int level;
        bool ticked;
        int? decidedOn = null;
        var declined = false;
        if (confirmed is not null)
            (level, ticked) = confirmed.TryGetValue(m.Code, out var kept) ? (kept, true) : (m.Level, false);
        else if (earlier is not null && earlier.Confirmed.TryGetValue(m.Code, out var before))
            (level, ticked, decidedOn) = (before, true, earlier.Number);
        else if (earlier is not null && earlier.Suggested.Contains(m.Code))
            (level, ticked, decidedOn, declined) = (m.Level, false, earlier.Number, true);
        else
            (level, ticked) = (m.Level, true);
        var effect = now is not int n ? LinkEffect.New : level > n ? LinkEffect.Raise : level == n ? LinkEffect.Same : LinkEffect.Lower;
        return new LinkOffer(m, level, ticked && (confirmed is not null || effect != LinkEffect.Lower), now, effect, decidedOn, declined);
    })];
}

public sealed record DiffLine(string Kind, string? Left, string? Right);

/// <summary>Why nothing of a file was stored: the field of the request it concerns ("file" or "role") and why, in the reader's language.</summary>
public sealed record JdImportProblem(string Field, string Message);

public sealed record RoleComparison(string Junior, string Senior, IReadOnlyDictionary<string, IReadOnlyList<string>> Adds, IReadOnlyList<string> CompetenciesAdded, IReadOnlyList<string> LevelsRaised);

/// <summary>HR's library of job descriptions: every version kept, diffs between any two, and confirmed links into the framework.</summary>
public sealed class JobDescriptionLibrary(CareerMapDb db, FrameworkService framework, TimeProvider clock, ILogger<JobDescriptionLibrary> logger, IStringLocalizer<SharedResource> L)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CompetencyMatcher> MatcherAsync(CancellationToken ct = default) => CompetencyMatcher.Suggesting((await framework.ExportAsync(ct)).Competencies);

    /// <summary>
    /// Stores each description of the file as a new version: of the given role, else of the role whose title it bears,
    /// else as a proposal for a new role. Nothing is stored if the file can't be read or names an unknown role.
    /// </summary>
    /// <param name="onePerRole">What a person who gave one role for a file of several descriptions is told to do, in the words of
    /// where they gave it (a page's field, the command line's --role).</param>
    public async Task<(IReadOnlyList<JdVersionSummary> Stored, JdImportProblem? Problem)> ImportAsync(Stream input, string fileName, string? roleCode, string actor,
        string onePerRole, CancellationToken ct = default)
    {
        using var activity = CareerMapTelemetry.Source.StartActivity("job description import");
        var (stored, problem) = await StoreAsync(input, fileName, roleCode, actor, onePerRole, ct);
        if (problem is not null) logger.JobDescriptionImportRefused($"{problem.Field}: {problem.Message}");
        else logger.JobDescriptionsStored(stored.Count, Path.GetFileName(fileName), string.Join(", ", stored.Select(v => $"{v.Role ?? $"proposed '{v.Title}'"} v{v.Number}")));
        CareerMapTelemetry.CountImport("job-description", problem is null ? "applied" : "refused");
        return (stored, problem);
    }

    async Task<(IReadOnlyList<JdVersionSummary> Stored, JdImportProblem? Problem)> StoreAsync(Stream input, string fileName, string? roleCode, string actor,
        string onePerRole, CancellationToken ct)
    {
        JdImportProblem AboutFile(string why) => new("file", $"{fileName}: {why}");
        string text;
        JdParseResult parsed;
        try
        {
            text = JobDescriptionFiles.ReadText(input, fileName, L);
        }
        catch (JobDescriptionFormatException e) { return ([], AboutFile(e.Message)); }
        try
        {
            // What the reader notices is kept with each version, so it is noted in stored words and phrased whenever it is read.
            parsed = JobDescriptionParser.Parse(text, await MatcherAsync(ct), StoredWords.Instance);
        }
        catch (JobDescriptionFormatException e) { return ([], AboutFile(StoredWords.Phrase(e.Message, L))); }
        if (parsed.Documents.Count == 0) return ([], AboutFile(L["no job description found"]));
        var roles = await db.Roles.AsNoTracking().Select(r => new { r.Id, r.Code, r.Title }).ToListAsync(ct);
        if (roleCode is not null)
        {
            if (roles.FirstOrDefault(r => string.Equals(r.Code, roleCode, StringComparison.OrdinalIgnoreCase)) is null) return ([], new("role", L["no role '{0}' in the framework", roleCode]));
            if (parsed.Documents.Count > 1)
                return ([], AboutFile(L["holds {0} descriptions ({1}); {2}", parsed.Documents.Count, string.Join(", ", parsed.Documents.Select(d => d.Title ?? L["untitled"])), onePerRole]));
        }
        var stored = new List<JobDescriptionVersion>();
        foreach (var d in parsed.Documents)
        {
            var role = roleCode is not null ? roles.First(r => string.Equals(r.Code, roleCode, StringComparison.OrdinalIgnoreCase))
                : roles.FirstOrDefault(r => d.Title is not null && string.Equals(r.Title, d.Title, StringComparison.OrdinalIgnoreCase));
            if (role is null && roleCode is null && d.Title is not null && Words(d.Title) is { Count: >= 2 } words
                && roles.Where(r => words.IsSubsetOf(Words(r.Title))).ToList() is [var only])
                role = only; // "Portal Project Manager" is the one "Patient Portal Project Manager"
            var title = d.Title ?? role?.Title ?? Path.GetFileNameWithoutExtension(fileName);
            var number = 1 + (role is null
                ? await db.JobDescriptions.Where(v => v.RoleId == null && v.Title == title).MaxAsync(v => (int?)v.Number, ct) ?? 0
                : await db.JobDescriptions.Where(v => v.RoleId == role.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + stored.Count(s => s.RoleId == role?.Id && s.Title == title);
            stored.Add(new JobDescriptionVersion
            {
                RoleId = role?.Id, Number = number, Title = title, SourceName = Path.GetFileName(fileName), SourceText = text,
                Structured = JsonSerializer.Serialize(d, Json), CreatedAt = clock.UtcNow(), CreatedBy = actor,
            });
        }
        db.JobDescriptions.AddRange(stored);
        await db.SaveChangesAsync(ct);
        var codes = roles.ToDictionary(r => r.Id, r => r.Code);
        return ([.. stored.Select(v => Summary(v, v.RoleId is int id ? codes[id] : null))], null);
    }

    static HashSet<string> Words(string title) => [.. title.ToLowerInvariant().Split([' ', ',', '-', '/'], StringSplitOptions.RemoveEmptyEntries)];

    static JdVersionSummary Summary(JobDescriptionVersion v, string? role) => new(v.Id, role, v.Title, v.Number, v.SourceName, v.CreatedAt, v.CreatedBy, v.ConfirmedAt is not null);

    public async Task<IReadOnlyList<JdVersionSummary>> VersionsAsync(string? roleCode, CancellationToken ct = default)
    {
        var query = db.JobDescriptions.AsNoTracking();
        query = roleCode is null ? query : query.Where(v => v.Role!.Code == roleCode);
        var rows = await query.OrderBy(v => v.Role!.Code).ThenByDescending(v => v.Number).Select(v => new { Version = v, Code = v.Role == null ? null : v.Role.Code }).ToListAsync(ct);
        return [.. rows.Select(r => Summary(r.Version, r.Code))];
    }

    public async Task<JdVersionView?> GetAsync(int id, CancellationToken ct = default)
    {
        var row = await db.JobDescriptions.AsNoTracking().Where(v => v.Id == id)
            .Select(v => new { Version = v, Code = v.Role == null ? null : v.Role.Code, RoleTitle = v.Role == null ? null : v.Role.Title }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var v = row.Version;
        var current = v.RoleId is not int roleId ? [] : await db.Requirements.Where(r => r.RoleId == roleId)
            .Select(r => new { r.Competency.Code, r.Level }).ToDictionaryAsync(r => r.Code, r => r.Level, ct);
        var earlier = v.RoleId is not int role ? null : await db.JobDescriptions.AsNoTracking()
            .Where(e => e.RoleId == role && e.Number < v.Number && e.ConfirmedLinks != null).OrderByDescending(e => e.Number).FirstOrDefaultAsync(ct);
        var description = Parsed(v);
        description = description with { Warnings = [.. description.Warnings.Select(w => StoredWords.Phrase(w, L))] };
        return new(v.Id, row.Code, row.RoleTitle, v.Title, v.Number, v.SourceName, v.CreatedAt, v.CreatedBy, description, Confirmed(v), v.ConfirmedAt, v.ConfirmedBy, current,
            earlier is null ? null : new EarlierDecision(earlier.Number, Parsed(earlier).Competencies.Select(c => c.Code).ToHashSet(), Confirmed(earlier)!));
    }

    static Dictionary<string, int>? Confirmed(JobDescriptionVersion v) =>
        v.ConfirmedLinks is null ? null : JsonSerializer.Deserialize<Dictionary<string, int>>(v.ConfirmedLinks, Json);


    /// <summary>The newest version of a role's description.</summary>
    public async Task<JdVersionView?> CurrentAsync(string roleCode, CancellationToken ct = default) =>
        await db.JobDescriptions.Where(v => v.Role!.Code == roleCode).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct) is int id ? await GetAsync(id, ct) : null;

    static ParsedJobDescription Parsed(JobDescriptionVersion v) => JsonSerializer.Deserialize<ParsedJobDescription>(v.Structured, Json)!;

    /// <summary>
    /// HR's decision on the suggested links: each chosen competency becomes (or updates) a requirement of the role at the
    /// chosen level, in one validated framework change. A description never changes the framework without this.
    /// </summary>
    public async Task<IReadOnlyList<ImportProblem>> ConfirmAsync(int id, IReadOnlyList<LinkDecision> links, string actor, CancellationToken ct = default)
    {
        var problems = await LinkAsync(id, links, actor, ct);
        if (problems.Count > 0) logger.JobDescriptionConfirmRefused(id, problems.Count, problems[0].Place, problems[0].Message);
        return problems;
    }

    async Task<IReadOnlyList<ImportProblem>> LinkAsync(int id, IReadOnlyList<LinkDecision> links, string actor, CancellationToken ct)
    {
        var version = await db.JobDescriptions.Include(v => v.Role).SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null) return [new("id", $"no job description version {id}")];
        if (version.Role is null) return [new("role", L["this description proposes a new role: add the role to the framework and import the description for it first"])];
        var document = await framework.ExportAsync(ct);
        var problems = new List<ImportProblem>();
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (!document.Competencies.Any(c => c.Code == link.Competency)) { problems.Add(new($"links[{i}].competency", L["no competency '{0}'", link.Competency])); continue; }
            var at = document.Requirements.FindIndex(r => r.Role == version.Role.Code && r.Competency == link.Competency);
            if (at >= 0) document.Requirements[at] = document.Requirements[at] with { Level = link.Level };
            else document.Requirements.Add(new RequirementDto(version.Role.Code, link.Competency, link.Level));
        }
        if (problems.Count > 0) return problems;
        var report = await framework.ImportAsync(document, place => place.Replace("requirements", "links", StringComparison.Ordinal), dryRun: false, ct: ct);
        if (!report.Ok) return report.Problems;
        version.ConfirmedLinks = JsonSerializer.Serialize(links.ToDictionary(l => l.Competency, l => l.Level), Json);
        version.ConfirmedAt = clock.UtcNow();
        version.ConfirmedBy = actor;
        await db.SaveChangesAsync(ct);
        logger.JobDescriptionLinksConfirmed(id, version.Role.Code, links.Count);
        return [];
    }

    /// <summary>
    /// Turns a proposed new role into a role of the framework (title, summary and duties from the description; HR
    /// chooses code, unit, family, grade and level) and files the description as its first version.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> AddRoleAsync(int id, string? code, string? unit, string? family, string? grade, int level, CancellationToken ct = default)
    {
        var version = await db.JobDescriptions.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null) return new Dictionary<string, string[]> { ["id"] = [$"no job description version {id}"] };
        if (version.RoleId is not null) return new Dictionary<string, string[]> { ["role"] = [L["this description is already filed under a role"]] };
        var description = Parsed(version);
        var role = new RoleDto(code?.Trim() ?? "", version.Title, unit ?? "", family ?? "", grade ?? "", level, description.Summary, null,
            [.. description.Responsibilities.SelectMany(g => g.Items)], []);
        // The new role and the filing of its description land together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcome = await framework.CreateAsync(FrameworkCollections.Roles, role, ct);
        if (outcome.Status != WriteStatus.Saved)
            return outcome.Errors ?? new Dictionary<string, string[]> { ["code"] = [outcome.Message ?? L["the role was not saved"]] };
        version.RoleId = await db.Roles.Where(r => r.Code == role.Code).Select(r => r.Id).SingleAsync(ct);
        version.Number = 1;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.JobDescriptionRoleAdded(id, role.Code);
        return new Dictionary<string, string[]>();
    }

    /// <summary>A side-by-side, line-by-line diff of two versions as the structured Markdown shows them.</summary>
    public async Task<IReadOnlyList<DiffLine>?> DiffAsync(int from, int to, CancellationToken ct = default)
    {
        var left = await GetAsync(from, ct);
        var right = await GetAsync(to, ct);
        if (left is null || right is null) return null;
        return Diff(JobDescriptionExport.Lines(left.Description, left.Title), JobDescriptionExport.Lines(right.Description, right.Title));
    }

    public static IReadOnlyList<DiffLine> Diff(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // Longest common subsequence over lines: small inputs (a description is tens of lines).
        var n = a.Count;
        var m = b.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[x] == b[y]) { lines.Add(new("same", a[x], b[y])); x++; y++; }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y])) { lines.Add(new("added", null, b[y])); y++; }
            else { lines.Add(new("removed", a[x], null)); x++; }
        }
        return lines;
    }

    /// <summary>What the senior role's current description asks beyond the junior one's: lines per section and competencies.</summary>
    public async Task<RoleComparison?> CompareAsync(string junior, string senior, CancellationToken ct = default)
    {
        var j = await CurrentAsync(junior, ct);
        var s = await CurrentAsync(senior, ct);
        if (j is null || s is null) return null;
        static Dictionary<string, List<string>> Sections(ParsedJobDescription d) => new()
        {
            ["responsibilities"] = [.. d.Responsibilities.SelectMany(g => g.Items)],
            ["qualifications"] = [.. d.Qualifications, .. d.EducationAndExperience],
            ["knowledgeSkillsAbilities"] = [.. d.KnowledgeSkillsAbilities],
        };
        var js = Sections(j.Description);
        var adds = Sections(s.Description).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Where(line => !js[p.Key].Any(o => Similar(o, line)))]);
        var jc = j.Description.Competencies.ToDictionary(c => c.Code, c => c.Level);
        return new(junior, senior, adds, [.. s.Description.Competencies.Where(c => !jc.ContainsKey(c.Code)).Select(c => c.Code)],
            [.. s.Description.Competencies.Where(c => jc.TryGetValue(c.Code, out var l) && c.Level > l).Select(c => $"{c.Code} {jc[c.Code]} → {c.Level}")]);
    }

    static bool Similar(string a, string b)
    {
        var x = CompetencyMatcher.Tokens(a).Select(t => t.Stem).Where(t => !t.Contains('_', StringComparison.Ordinal)).ToHashSet();
        var y = CompetencyMatcher.Tokens(b).Select(t => t.Stem).Where(t => !t.Contains('_', StringComparison.Ordinal)).ToHashSet();
        return x.Count > 0 && y.Count > 0 && x.Intersect(y).Count() >= 0.7 * Math.Min(x.Count, y.Count);
    }
}
