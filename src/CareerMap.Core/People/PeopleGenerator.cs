using System.Globalization;
using CareerMap.Framework;

namespace CareerMap.People;

public sealed record PeopleSeedOptions(int Employees, int Seed, DateOnly AsOf);

public sealed record GeneratedEmployee(int Id, string EmployeeNumber, string Name, string Email, string Role, int? ManagerId,
    DateOnly HireDate, DateOnly RoleStartDate, string Location, IReadOnlyList<string> Languages, IReadOnlyList<string> Certifications, int ContactCenterMonths);

public sealed record GeneratedAssessment(int EmployeeId, string Competency, int Level, AssessmentSource Source, int? AssessorId, DateOnly AssessedOn, string? Evidence);

/// <summary>A role a generated person held, from a date; From is null for the role they were hired into.</summary>
public sealed record GeneratedRoleChange(int EmployeeId, DateOnly On, string? From, string To);

public sealed record GeneratedPeople(IReadOnlyList<GeneratedEmployee> Employees, IReadOnlyList<GeneratedAssessment> Assessments, IReadOnlyList<GeneratedRoleChange> RoleChanges);

/// <summary>
/// Makes a believable, deterministic workforce for a framework: a pyramid of individual contributors across
/// its roles, teams of 8 to 15 under first-line leaders, leaders under their unit's next leadership level,
/// and self and manager ratings around each role's requirements. Same options, same people.
/// </summary>
public static class PeopleGenerator
{
    public const int Minimum = 20;

    static readonly string[] FirstNames =
    [
        "Aaliyah", "Abdi", "Adriana", "Aiden", "Alejandro", "Amara", "Andre", "Angela", "Arjun", "Ava", "Bao", "Beatriz", "Brandon", "Brianna", "Caleb", "Camila",
        "Carlos", "Chen", "Chloe", "Dakota", "Daniel", "Deja", "Diego", "Dmitri", "Elena", "Elijah", "Emily", "Emmanuel", "Esperanza", "Fatima", "Gabriel", "Grace",
        "Hana", "Hector", "Ibrahim", "Imani", "Isabella", "Jamal", "Jasmine", "Javier", "Jordan", "Joy", "Kai", "Keisha", "Kenji", "Layla", "Leah", "Liam", "Lucia",
        "Malik", "Maria", "Mateo", "Maya", "Mei", "Michael", "Nadia", "Noah", "Nora", "Olivia", "Omar", "Pa Nhia", "Priya", "Quinn", "Rafael", "Rosa", "Samuel", "Sara",
        "Sofia", "Tariq", "Teresa", "Thanh", "Tou", "Tyler", "Valentina", "Victor", "Xiong", "Yasmin", "Yer", "Zoe", "Zainab",
    ];

    static readonly string[] LastNames =
    [
        "Abbott", "Adeyemi", "Alvarez", "Anderson", "Baker", "Banerjee", "Brooks", "Carter", "Castillo", "Chang", "Chavez", "Cohen", "Diaz", "Dubois", "Edwards",
        "Evans", "Fernandez", "Fischer", "Flores", "Garcia", "Gomez", "Gonzalez", "Green", "Hall", "Her", "Hernandez", "Hughes", "Ibrahim", "Jackson", "Johnson",
        "Kim", "Kowalski", "Lee", "Lopez", "Lor", "Martin", "Martinez", "Mensah", "Miller", "Moua", "Murphy", "Nguyen", "Novak", "Okafor", "Olsen", "Ortiz", "Patel",
        "Perez", "Peterson", "Phillips", "Ramirez", "Reyes", "Rivera", "Robinson", "Rodriguez", "Rossi", "Sanchez", "Schmidt", "Shah", "Singh", "Smith", "Sullivan",
        "Tanaka", "Thao", "Thomas", "Torres", "Tran", "Vang", "Walker", "Washington", "Williams", "Wilson", "Xiong", "Yang", "Young", "Zhang",
    ];

    static readonly string[] Sites = ["Scottsdale, AZ", "Richardson, TX", "Pittsburgh, PA", "Rochester, NY", "Eau Claire, WI", "Remote"];

    static readonly Dictionary<string, double> UnitWeight = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CARE"] = 8, ["PART"] = 2, ["MEMX"] = 1.2, ["RPLAN"] = 0.9, ["VEND"] = 0.4, ["CLIOPS"] = 0.6, ["CONTI"] = 0.6,
        ["MRO"] = 3, ["MSVC"] = 2.5, ["ESCR"] = 0.4, ["PORTAL"] = 1,
    };

    public static GeneratedPeople Generate(FrameworkDocument framework, PeopleSeedOptions options)
    {
        if (options.Employees < Minimum) throw new ArgumentOutOfRangeException(nameof(options), $"generate at least {Minimum} employees");
        var rng = new Random(options.Seed);
        var families = framework.Families.ToDictionary(f => f.Code, StringComparer.OrdinalIgnoreCase);
        var grades = framework.Grades.ToDictionary(g => g.Code, g => g.Rank, StringComparer.OrdinalIgnoreCase);
        bool IsLeader(RoleDto r) => families[r.Family].Track == "leadership";
        var ics = framework.Roles.Where(r => !IsLeader(r)).ToList();
        var leaders = framework.Roles.Where(IsLeader).ToList();
        if (ics.Count == 0 || leaders.Count == 0) throw new InvalidOperationException("the framework needs individual-contributor and leadership roles to staff");

        // Organization-wide leaders sit above every unit: the two most senior leadership grades.
        var topRanks = leaders.Select(r => grades[r.Grade]).Distinct().OrderDescending().Take(2).ToList();
        var executive = leaders.Where(r => grades[r.Grade] == topRanks[0]).OrderBy(r => r.Code, StringComparer.Ordinal).First();
        var directors = topRanks.Count > 1 ? leaders.Where(r => grades[r.Grade] == topRanks[1]).OrderBy(r => r.Code, StringComparer.Ordinal).ToList() : [];
        var unitLadders = leaders.Where(r => grades[r.Grade] < (topRanks.Count > 1 ? topRanks[1] : topRanks[0]))
            .GroupBy(r => r.Unit, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => grades[r.Grade]).OrderBy(x => x.Key).Select(x => x.OrderBy(r => r.Code, StringComparer.Ordinal).ToList()).ToList(), StringComparer.OrdinalIgnoreCase);
        var fallbackLadder = unitLadders.Values.OrderByDescending(l => l.Count).First();

        var weights = ics.Select(r => UnitWeight.GetValueOrDefault(r.Unit, 1) * RoleWeight(grades[r.Grade], r)).ToList();
        var icCount = (int)(options.Employees * 0.9);
        List<(RoleDto Role, int Count)> plan = [];
        for (var attempt = 0; attempt < 12; attempt++)
        {
            plan = Allocate(ics, weights, icCount);
            var total = icCount + CountLeaders(plan, unitLadders, fallbackLadder, directors.Count > 0);
            if (total == options.Employees) break;
            icCount += options.Employees - total;
        }

        var people = new List<Person>();
        var exec = new Person(executive);
        var pool = new List<Person>();
        foreach (var unit in plan.GroupBy(p => p.Role.Unit, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = unit.SelectMany(p => Enumerable.Range(0, p.Count).Select(_ => new Person(p.Role))).ToList();
            Shuffle(members, rng);
            people.AddRange(members);
            var ladder = unitLadders.GetValueOrDefault(unit.Key) ?? fallbackLadder;
            foreach (var level in ladder)
            {
                members = Lead(members, level, rng);
                people.AddRange(members);
            }
            pool.AddRange(members);
        }
        // Directors lead unit heads; where there are too many for one executive, directors report to directors.
        while (directors.Count > 0 && pool.Count > 15)
        {
            pool = Lead(pool, directors, rng);
            people.AddRange(pool);
        }
        foreach (var p in pool) p.Manager = exec;
        people.Add(exec);

        // Ids top-down so every manager is written before their reports.
        var ordered = new List<Person>();
        var queue = new Queue<Person>([exec]);
        var reports = people.Where(p => p.Manager is not null).ToLookup(p => p.Manager!);
        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            ordered.Add(p);
            foreach (var r in reports[p]) queue.Enqueue(r);
        }

        var requirements = framework.Requirements.ToLookup(q => q.Role, StringComparer.OrdinalIgnoreCase);
        var earlier = new EarlierRoles(framework, grades, IsLeader, options.Seed);
        var roleChanges = new List<GeneratedRoleChange>(ordered.Count * 2);
        var employees = new List<GeneratedEmployee>(ordered.Count);
        var assessments = new List<GeneratedAssessment>(ordered.Count * 14);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Id = i + 1;
        foreach (var p in ordered)
        {
            var rank = grades[p.Role.Grade];
            var first = FirstNames[rng.Next(FirstNames.Length)];
            var last = LastNames[rng.Next(LastNames.Length)];
            var tenureMonths = 3 + rng.Next(12 + Math.Max(0, rank - 103) * 18);
            var hire = options.AsOf.AddMonths(-tenureMonths).AddDays(-rng.Next(28));
            var inRole = Math.Min(tenureMonths, 2 + rng.Next(30));
            var roleStart = options.AsOf.AddMonths(-inRole).AddDays(-rng.Next(28));
            if (roleStart < hire) roleStart = hire;
            var languages = new List<string> { "English" };
            if (p.Role.Prerequisites?.FirstOrDefault(x => x.Kind == "language")?.Value is { } spoken) languages.Add(spoken);
            else if (rng.NextDouble() < 0.12) languages.Add(rng.NextDouble() < 0.8 ? "Spanish" : "Hmong");
            var certifications = (p.Role.Prerequisites ?? []).Where(x => x.Kind is "certification" or "license").Select(x => x.Value!).ToList();
            var contactCenter = tenureMonths + (rng.NextDouble() < 0.5 ? rng.Next(48) : 0);
            employees.Add(new(p.Id, $"E{p.Id:D6}", $"{first} {last}", $"{Slug(first)}.{Slug(last)}.{p.Id}@riverbend.example",
                p.Role.Code, p.Manager?.Id, hire, roleStart, Sites[rng.Next(Sites.Length)], languages, certifications, contactCenter));
            roleChanges.AddRange(earlier.Before(p.Id, p.Role, hire, roleStart));

            var selfAssessed = rng.NextDouble() < 0.75;
            var managerAssessed = p.Manager is not null && rng.NextDouble() < 0.6;
            var selfDate = options.AsOf.AddDays(-rng.Next(300));
            var managerDate = options.AsOf.AddDays(-rng.Next(450));
            foreach (var q in requirements[p.Role.Code])
            {
                if (selfAssessed)
                {
                    if (rng.NextDouble() < 0.2)
                        assessments.Add(new(p.Id, q.Competency, Level(q.Level - 1 + Noise(rng, [0.3, 0.5, 0.2])), AssessmentSource.Self, p.Id, selfDate.AddMonths(-12), null));
                    assessments.Add(new(p.Id, q.Competency, Level(q.Level + Noise(rng, [0.25, 0.5, 0.25])), AssessmentSource.Self, p.Id, selfDate, null));
                }
                if (managerAssessed)
                    assessments.Add(new(p.Id, q.Competency, Level(q.Level + Noise(rng, [0.1, 0.3, 0.45, 0.15], -2)), AssessmentSource.Manager, p.Manager!.Id, managerDate,
                        Evidence[rng.Next(Evidence.Length)]));
            }
        }
        return new(employees, assessments, roleChanges);
    }

    /// <summary>
    /// The roles a person held before the one they hold now, with their own random numbers so the people themselves stay
    /// as they were: mostly the rung below in their family (or the top individual-contributor role of their unit for a
    /// first-line leader), sometimes a same-grade role in another unit, and two steps back for long tenures.
    /// </summary>
    sealed class EarlierRoles(FrameworkDocument framework, Dictionary<string, int> grades, Func<RoleDto, bool> isLeader, int seed)
    {
        readonly Random rng = new(unchecked(seed * 31 + 7));
        readonly Dictionary<(string, int), RoleDto> rung = framework.Roles.GroupBy(r => (r.Family.ToUpperInvariant(), r.Level))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Code, StringComparer.Ordinal).First());
        readonly ILookup<int, RoleDto> byGrade = framework.Roles.Where(r => !isLeader(r)).OrderBy(r => r.Code, StringComparer.Ordinal).ToLookup(r => grades[r.Grade]);
        readonly ILookup<string, RoleDto> contributorsOfUnit = framework.Roles.Where(r => !isLeader(r)).OrderByDescending(r => grades[r.Grade])
            .ThenBy(r => r.Code, StringComparer.Ordinal).ToLookup(r => r.Unit, StringComparer.OrdinalIgnoreCase);

        public IEnumerable<GeneratedRoleChange> Before(int id, RoleDto role, DateOnly hire, DateOnly roleStart)
        {
            var previous = roleStart > hire.AddMonths(1) ? Previous(role) : null;
            if (previous is null)
            {
                yield return new(id, hire, null, role.Code);
                yield break;
            }
            var twoBack = roleStart > hire.AddMonths(24) ? Previous(previous) : null;
            if (twoBack is null) yield return new(id, hire, null, previous.Code);
            else
            {
                yield return new(id, hire, null, twoBack.Code);
                yield return new(id, hire.AddDays((roleStart.DayNumber - hire.DayNumber) / 2), twoBack.Code, previous.Code);
            }
            yield return new(id, roleStart, previous.Code, role.Code);
        }

        RoleDto? Previous(RoleDto role)
        {
            if (rng.NextDouble() < 0.15)
            {
                var elsewhere = byGrade[grades[role.Grade]].Where(r => !string.Equals(r.Unit, role.Unit, StringComparison.OrdinalIgnoreCase)).ToList();
                if (elsewhere.Count > 0) return elsewhere[rng.Next(elsewhere.Count)];
            }
            if (rung.GetValueOrDefault((role.Family.ToUpperInvariant(), role.Level - 1)) is { } below) return below;
            return isLeader(role) ? contributorsOfUnit[role.Unit].FirstOrDefault() : null;
        }
    }

    static readonly string[] Evidence =
    [
        "Observed on calibrated calls this quarter.", "Quality scores and side-by-side coaching notes.", "Feedback from the Senior Team on escalations.",
        "Led a huddle and trained two new hires.", "Project work reviewed with the team lead.", "Consistent metrics over the last three months.",
    ];

    static int Noise(Random rng, double[] odds, int lowest = -1)
    {
        var x = rng.NextDouble();
        for (var i = 0; i < odds.Length; i++)
        {
            if (x < odds[i]) return lowest + i;
            x -= odds[i];
        }
        return lowest + odds.Length - 1;
    }

    static int Level(int level) => Math.Clamp(level, 1, 5);

    static string Slug(string s) => new([.. s.ToLowerInvariant().Where(char.IsLetter)]);

    static double RoleWeight(int rank, RoleDto role) => rank switch
    {
        <= 104 => 10,
        105 => role.Level <= 1 ? 14 : role.Level == 2 ? 11 : 8,
        106 => 3.5,
        107 => role.Code.EndsWith("-AM", StringComparison.Ordinal) ? 0.7 : 2,
        108 => 1,
        _ => 0.5,
    };

    static List<(RoleDto, int)> Allocate(List<RoleDto> roles, List<double> weights, int total)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => w / sum * Math.Max(total, 0)).ToList();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToList();
        var left = Math.Max(total, 0) - counts.Sum();
        foreach (var i in exact.Select((e, i) => (r: e - Math.Floor(e), i)).OrderByDescending(x => x.r).ThenBy(x => x.i).Take(left).Select(x => x.i))
            counts[i]++;
        return [.. roles.Select((r, i) => (r, counts[i])).Where(x => x.Item2 > 0)];
    }

    /// <summary>About 11 per team, never more than 15, and fewer than 8 only when there are fewer than 8 people.</summary>
    static int TeamCount(int members)
    {
        if (members == 0) return 0;
        var fewest = (int)Math.Ceiling(members / 15.0);
        var most = Math.Max(1, members / 8);
        return Math.Clamp((int)Math.Round(members / 11.5), fewest, Math.Max(fewest, most));
    }

    static int CountLeaders(List<(RoleDto Role, int Count)> plan, Dictionary<string, List<List<RoleDto>>> ladders, List<List<RoleDto>> fallback, bool hasDirectors)
    {
        var total = 1;
        var pool = 0;
        foreach (var unit in plan.GroupBy(p => p.Role.Unit, StringComparer.OrdinalIgnoreCase))
        {
            var members = unit.Sum(p => p.Count);
            foreach (var _ in ladders.GetValueOrDefault(unit.Key) ?? fallback)
            {
                members = TeamCount(members);
                total += members;
            }
            pool += members;
        }
        while (hasDirectors && pool > 15)
        {
            pool = TeamCount(pool);
            total += pool;
        }
        return total;
    }

    /// <summary>Splits people into teams of 8 to 15 (fewer only when there are fewer) and gives each team a leader.</summary>
    static List<Person> Lead(List<Person> members, List<RoleDto> leaderRoles, Random rng)
    {
        var teams = TeamCount(members.Count);
        var leads = new List<Person>(teams);
        for (var t = 0; t < teams; t++)
            leads.Add(new Person(leaderRoles[rng.Next(leaderRoles.Count)]));
        for (var i = 0; i < members.Count; i++)
            members[i].Manager = leads[(int)((long)i * teams / members.Count)];
        return leads;
    }

    static void Shuffle<T>(List<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    sealed class Person(RoleDto role)
    {
        public RoleDto Role { get; } = role;
        public Person? Manager { get; set; }
        public int Id { get; set; }
    }

    public static string Describe(GeneratedPeople people) =>
        string.Create(CultureInfo.InvariantCulture, $"{people.Employees.Count} employees, {people.Assessments.Count} assessments");
}
