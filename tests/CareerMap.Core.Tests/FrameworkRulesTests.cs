using CareerMap.Framework;
using CareerMap.Sample;

namespace CareerMap.Core.Tests;

public sealed class FrameworkRulesTests
{
    [Fact]
    public void The_sample_organization_keeps_every_rule()
    {
        var d = RiverbendHealth.Build();
        Assert.Empty(FrameworkValidator.Validate(d, EnglishWords.Instance));
        Assert.Equal(8, d.Competencies.Count(c => c.Category == "core"));
        Assert.All(d.Roles, r => Assert.Contains(d.Requirements, q => q.Role == r.Code));
        Assert.Equal(["MR-FUL", "MR-IMG", "MR-OUT"], d.Duties.Select(u => u.Family).Distinct().Order().ToArray());
        foreach (var unit in new[] { "CARE", "PART", "MEMX", "RPLAN", "VEND", "CLIOPS", "CONTI", "MRO", "MSVC", "ESCR", "PORTAL" })
            Assert.Contains(d.Units, u => u.Code == unit);
    }

    [Fact]
    public void The_sample_organization_reads_complete_in_Spanish_in_words_of_its_own()
    {
        var d = RiverbendHealth.Build();
        var missing = FrameworkTranslations.Missing(d, "es");
        Assert.True(missing.Count == 0, "untranslated: " + string.Join("; ", missing.Select(m => $"{m.Collection.Name} {m.Code}: {string.Join(", ", m.Fields)}")));
        var es = FrameworkTranslations.In(d, "es");
        // A translation that repeats the English is a missing one under another name.
        Assert.All(d.Competencies.Zip(es.Competencies), x => Assert.NotEqual(x.First.Definition, x.Second.Definition));
        Assert.All(d.Roles.Zip(es.Roles), x => Assert.NotEqual(x.First.Summary, x.Second.Summary));
        Assert.All(d.Strategies.Zip(es.Strategies), x => Assert.NotEqual(x.First.Name, x.Second.Name));
        Assert.Equal("Representante de Atención II", es.Roles.Single(r => r.Code == "CC-REP-2").Title);
        Assert.Equal(d.Roles.Select(r => r.Code), es.Roles.Select(r => r.Code));
    }

    [Fact]
    public void Pharmacy_technicians_need_the_certification_and_the_pharmacist_manager_a_license()
    {
        var d = RiverbendHealth.Build();
        Assert.All(d.Roles.Where(r => r.Family == "PS-TECH"), r =>
            Assert.Contains(r.Prerequisites!, p => p.Kind == "certification" && p.Value == "Certified Pharmacy Technician"));
        Assert.Contains(d.Roles.Single(r => r.Code == "PS-RPH-MGR").Prerequisites!, p => p.Kind == "license" && p.Value == "Pharmacist");
        Assert.Equal(6, d.Roles.Single(r => r.Code == "CC-REP-SR").Prerequisites!.Single().Months);
    }

    [Theory]
    [InlineData(105, "CARE", "A", 106, "CARE", "A", MoveDirection.Promotion, MoveScope.WithinFamily)]
    [InlineData(107, "CARE", "A", 107, "CARE", "B", MoveDirection.Lateral, MoveScope.WithinUnit)]
    [InlineData(105, "CARE", "A", 105, "PART", "C", MoveDirection.Lateral, MoveScope.CrossFunctional)]
    [InlineData(106, "CARE", "A", 107, "VEND", "D", MoveDirection.Promotion, MoveScope.CrossFunctional)]
    [InlineData(107, "CARE", "B", 105, "CARE", "A", MoveDirection.StepBack, MoveScope.WithinUnit)]
    public void A_moves_kind_comes_from_grades_units_and_families(int fromGrade, string fromUnit, string fromFamily, int toGrade, string toUnit, string toFamily,
        MoveDirection direction, MoveScope scope)
    {
        var kind = MoveKind.Of(fromGrade, fromUnit, fromFamily, toGrade, toUnit, toFamily);
        Assert.Equal((direction, scope), (kind.Direction, kind.Scope));
    }

    [Fact]
    public void Sample_moves_are_labeled_as_the_guide_describes()
    {
        var d = RiverbendHealth.Build();
        Assert.Equal("cross-functional promotion", d.KindOf("CC-REP-SR", "VM-AN").ToString());
        Assert.Equal("cross-functional lateral", d.KindOf("CC-REP-3", "PS-TECH-1").ToString());
        Assert.Equal("promotion within family", d.KindOf("CC-REP-3", "CC-REP-SR").ToString());
        Assert.Equal("promotion within family", d.KindOf("CC-REP-1", "CC-REP-2").ToString());
        Assert.Equal("lateral within unit", d.KindOf("CC-REP-1", "CC-BIL-1").ToString());
    }

    [Fact]
    public void Every_problem_in_a_document_is_reported_not_only_the_first()
    {
        var d = RiverbendHealth.Build();
        d.Roles[0] = d.Roles[0] with { Grade = "99", Unit = "NOPE", Level = 0 };
        d.Requirements[0] = d.Requirements[0] with { Weight = 0 };
        d.Strategies[0] = d.Strategies[0] with { Competencies = ["JOBKNOW", "JOBKNOW"] };
        var problems = FrameworkValidator.Validate(d, EnglishWords.Instance).Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("roles[0].grade: grade 99 is not on the scale (103,", StringComparison.Ordinal));
        Assert.Contains("roles[0].unit: unknown unit 'NOPE'", problems);
        Assert.Contains("roles[0].level: level 0 must be 1 or more", problems);
        Assert.Contains("requirements[0].weight: weight 0 must be more than 0 and at most 100", problems);
        Assert.Contains("strategies[0].competencies[1]: competency JOBKNOW is listed twice", problems);
    }

    [Fact]
    public void A_family_must_belong_to_the_roles_unit_and_duty_marks_to_its_levels()
    {
        var d = RiverbendHealth.Build();
        var i = d.Roles.FindIndex(r => r.Code == "CC-REP-1");
        d.Roles[i] = d.Roles[i] with { Family = "PS-TECH" };
        var duty = d.Duties.FindIndex(u => u.Family == "MR-OUT");
        d.Duties[duty] = d.Duties[duty] with { Marks = [new(9, "X")] };
        var problems = FrameworkValidator.Validate(d, EnglishWords.Instance).Select(p => p.ToString()).ToList();
        Assert.Contains($"roles[{i}].family: family PS-TECH belongs to unit PART, not CARE", problems);
        Assert.Contains($"duties[{duty}].marks[0].level: family MR-OUT has no role at level 9", problems);
    }

    [Fact]
    public void The_diff_names_added_changed_and_removed_items_and_their_fields()
    {
        var before = RiverbendHealth.Build();
        var after = RiverbendHealth.Build();
        after.Grades.Add(new("112", "Grade 112", 112));
        after.Competencies[0] = after.Competencies[0] with { Name = "Resilient", Definition = "Bounces back." };
        after.Strategies.RemoveAt(0);
        var diff = FrameworkDiff.Between(before, after);
        Assert.Equal(["112"], diff.For(FrameworkCollections.Grades).Added);
        Assert.Equal(["name", "definition"], diff.For(FrameworkCollections.Competencies).Changed.Single().Fields);
        Assert.Equal([before.Strategies[0].Code], diff.For(FrameworkCollections.Strategies).Removed);
        Assert.True(FrameworkDiff.Between(before, RiverbendHealth.Build()).IsEmpty);
    }
}
