using System.Globalization;
using CareerMap.Framework;

namespace CareerMap.Sample;

/// <summary>
/// A large, deterministic framework for benchmarks: units of twenty five-level families (three of them
/// leadership), eight core and forty job-knowledge competencies, requirements rising with grade, and explicit
/// moves to nearby grades in other units so that, with the rule-made moves, there are about ten per role.
/// </summary>
public static class SyntheticFramework
{
    const int FamiliesPerUnit = 20, LevelsPerFamily = 5, LeadershipFamilies = 3, JobKnowledge = 40, ExplicitPerRole = 6;

    public static FrameworkDocument Build(int roleCount, int seed = 1)
    {
        var rng = new Random(seed);
        string Code(string prefix, int n) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{n:D4}");
        var d = new FrameworkDocument { Organization = new("SYNTH", $"Synthetic Health ({roleCount} roles)", 5) };
        d.Grades = [.. Enumerable.Range(101, 12).Select(g => new GradeDto(g.ToString(CultureInfo.InvariantCulture), $"Grade {g}", g))];
        var core = new[] { "RESILIENCE", "RESULTS", "JOBKNOW", "PROBLEM", "CUSTOMER", "COMMS", "CONDUCT", "TEAM" };
        d.Competencies = [.. core.Select(c => Competency(c, "core")), .. Enumerable.Range(1, JobKnowledge).Select(i => Competency(Code("JK", i), "job-knowledge"))];

        var rolesPerUnit = FamiliesPerUnit * LevelsPerFamily;
        var units = (roleCount + rolesPerUnit - 1) / rolesPerUnit;
        for (var u = 1; u <= units && d.Roles.Count < roleCount; u++)
        {
            var unit = Code("U", u);
            d.Units.Add(new(unit, $"Unit {u}"));
            var pool = Enumerable.Range(0, 8).Select(_ => Code("JK", rng.Next(1, JobKnowledge + 1))).Distinct().ToList();
            for (var f = 1; f <= FamiliesPerUnit && d.Roles.Count < roleCount; f++)
            {
                var leadership = f > FamiliesPerUnit - LeadershipFamilies;
                var family = $"{unit}-F{f:D2}";
                d.Families.Add(new(family, $"Family {f} of unit {u}", unit, leadership ? "leadership" : "individual-contributor"));
                var baseGrade = leadership ? 106 + rng.Next(2) : 101 + rng.Next(5);
                var knowledge = pool.OrderBy(_ => rng.Next()).Take(4).ToList();
                for (var level = 1; level <= LevelsPerFamily && d.Roles.Count < roleCount; level++)
                {
                    var grade = Math.Min(112, baseGrade + (level - 1) * 2 / 3 + (level == LevelsPerFamily ? 1 : 0));
                    var code = $"{family}-L{level}";
                    d.Roles.Add(new(code, $"{(leadership ? "Leader" : "Specialist")} {level}, family {f}, unit {u}", unit, family,
                        grade.ToString(CultureInfo.InvariantCulture), level, Prerequisites: level == 3 && f % 4 == 0 ? [new("certification", Value: "Industry certification")] : []));
                    var baseline = Math.Clamp(1 + (grade - 101) / 3, 1, 5);
                    foreach (var c in core) d.Requirements.Add(new(code, c, Math.Clamp(baseline + (leadership && c is "TEAM" or "RESULTS" ? 1 : 0), 1, 5)));
                    for (var k = 0; k < knowledge.Count; k++) d.Requirements.Add(new(code, knowledge[k], Math.Clamp(baseline - (k == 0 ? 0 : 1) + level / 3, 1, 5), k == 0 ? 2m : 1m, k == 0));
                }
            }
        }

        var byRank = d.Roles.GroupBy(r => int.Parse(r.Grade, CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToList());
        var n = 0;
        foreach (var role in d.Roles)
        {
            var rank = int.Parse(role.Grade, CultureInfo.InvariantCulture);
            for (var i = 0; i < ExplicitPerRole; i++)
            {
                var targetRank = rank + rng.Next(0, 3) - (i == 0 ? 1 : 0);
                if (!byRank.TryGetValue(targetRank, out var peers)) continue;
                var target = peers[rng.Next(peers.Count)];
                if (target.Unit == role.Unit) continue;
                d.Moves.Add(new(string.Create(CultureInfo.InvariantCulture, $"MV{++n:D6}"), role.Code, target.Code,
                    Prerequisites: i == 1 ? [new("months-in-role", 12)] : []));
            }
        }
        d.Moves = [.. d.Moves.DistinctBy(m => (m.From, m.To))];
        d.Strategies = [new("SHADOW", "Shadow someone", "Spend time alongside someone in the target role.", ["JOBKNOW", "COMMS"])];
        return d;
    }

    static CompetencyDto Competency(string code, string category) =>
        new(code, $"Competency {code}", category, $"What {code} means.", [.. Enumerable.Range(1, 5).Select(l => $"{code} at level {l}.")], [$"Shows {code}."]);
}
