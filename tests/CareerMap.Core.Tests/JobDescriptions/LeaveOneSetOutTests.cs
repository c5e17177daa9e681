using System.Globalization;
using System.Text;
using CareerMap.JobDescriptions;
using CareerMap.Sample;
using static CareerMap.Core.Tests.JobDescriptions.ParserEvaluationTests;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>
/// Issue 18's honest measure of the learned reader: for each labeled set, a model trained on all the other sets reads it,
/// scored as <see cref="ParserEvaluationTests"/> scores; the lexical reader is scored on the same files in the same run.
/// Writes <c>jd-evaluation-loso.md</c> beside the test assembly. The newest acceptance set (Blind14/), measured once by its own test, is never a fold.
/// </summary>
public sealed class LeaveOneSetOutTests
{
    internal sealed record Figures(double Title, int TitleTotal, double Headers, int HeaderTotal, Tally Sections, Tally Competencies, int Documents, int Found)
    {
        public static Figures Of(Report r)
        {
            var (titleRight, titleTotal) = r.Headers.GetValueOrDefault("title");
            var others = r.Headers.Where(h => h.Key != "title").ToList();
            int right = others.Sum(h => h.Value.Right), total = others.Sum(h => h.Value.Total);
            return new(titleTotal == 0 ? 1 : titleRight / (double)titleTotal, titleTotal, total == 0 ? 1 : right / (double)total, total, r.AllSections, r.Competencies, r.Documents, r.Found);
        }

        public static Figures Pool(IReadOnlyList<Report> reports)
        {
            var merged = new Dictionary<string, (int Right, int Total)>();
            foreach (var (k, v) in reports.SelectMany(r => r.Headers))
            {
                var (a, b) = merged.GetValueOrDefault(k);
                merged[k] = (a + v.Right, b + v.Total);
            }
            Tally Sum(Func<Report, Tally> f) => new() { Hit = reports.Sum(r => f(r).Hit), Predicted = reports.Sum(r => f(r).Predicted), Expected = reports.Sum(r => f(r).Expected) };
            return Of(new([], Sum(r => r.AllSections), merged, Sum(r => r.Competencies), reports.Sum(r => r.Documents), reports.Sum(r => r.Found), []));
        }

        public string Row(string set, string reader)
        {
            static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
            return $"| {set} | {reader} | {Found}/{Documents} | {F(Title)} ({TitleTotal}) | {F(Headers)} ({HeaderTotal}) | {F(Sections.P)} / {F(Sections.R)} / **{F(Sections.F1)}** | {F(Competencies.P)} / {F(Competencies.R)} / **{F(Competencies.F1)}** |";
        }

        public const string Head = "| set | reader | descriptions found | title | header fields | sections P / R / F1 | competencies P / R / F1 |\n|---|---|---|---|---|---|---|";
    }

    /// <summary>The sets the team wrote and labeled itself before any helper wrote one (LABELING.md): one fold of leave-one-set-out.</summary>
    static readonly string[] TeamSets = ["Labeled", "HeldOut", "Test", "Test2", "Test3", "Test4", "Test5"];

    [Fact]
    public void Each_set_is_read_by_a_model_trained_on_the_others_beside_the_lexical_reader()
    {
        var competencies = RiverbendHealth.Build().Competencies;
        var matcher = new CompetencyMatcher(competencies);
        var table = new StringBuilder(Figures.Head).Append('\n');
        var matcherWithoutCues = new CompetencyMatcher(competencies, CompetencyCues.None);
        var misses = new StringBuilder();
        var sets = LineTraining.Sets;
        var folds = new (Report Lexical, Report Learned, Report LexicalMatcher, Report NoCues, (double Mean, string File) LeastSure)[sets.Length];
        // The seven sets the team wrote itself (Labeled to Test5, one hand, one style) are left out together: each is read by a model that
        // saw none of them, which is stricter than leaving one out at a time and costs one training instead of seven (the suite's time).
        var groups = sets.GroupBy(s => TeamSets.Contains(s) ? "team" : s).Select(g => g.ToArray()).ToArray();
        // The folds are independent: two at a time, as the machine has cores, so the sets take half the wall time.
        Parallel.For(0, groups.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, g =>
        {
            var others = sets.Where(s => !groups[g].Contains(s)).ToList();
            var model = LineTraining.Train(others);
            JdParseResult Read(string text, CompetencyMatcher? m) => model.Read(text, m, EnglishWords.Instance) ?? JobDescriptionParser.ParseLexical(text, m, EnglishWords.Instance);
            // The suggestion models learn from the other sets as this fold's reader reads them.
            CompetencyMatcher Suggesting(bool exemplars) => SuggestionTraining.Matcher(exemplars ? CompetencyCues.Riverbend : CompetencyCues.None, SuggestionTraining.Train(
                [.. others.SelectMany(s => SuggestionTraining.Docs(s, LabeledFile.All(LineTraining.Folder(s)), text => Read(text, null), exemplars))], exemplars));
            // The model without exemplars or cues (a framework the labels never used) is no longer trained per fold, to keep the suite's time:
            // measured on 5bf9f49 over the thirteen folds at competencies 0.74 (P 0.67 / R 0.83); SuggestionModelTests checks it reads such a framework.
            var withExemplars = Suggesting(true);
            foreach (var set in groups[g])
            {
                var files = LabeledFile.All(LineTraining.Folder(set));
                // How sure the fold's model is of its least familiar file, over its pieces: the model abstains under LineModel.Abstain.
                var leastSure = files.Select(file => (Mean: (double)model.Classify(model.Segments(file.Text)).DefaultIfEmpty(new(LineModel.None, 1, 0)).Average(v => v.Confidence), File: $"{set}/{file.Name}"))
                    .MinBy(x => x.Mean);
                folds[Array.IndexOf(sets, set)] = (Evaluate(files, text => JobDescriptionParser.ParseLexical(text, matcher, EnglishWords.Instance)), Evaluate(files, text => Read(text, withExemplars)),
                    Evaluate(files, text => Read(text, matcher)), Evaluate(files, text => Read(text, matcherWithoutCues)), leastSure);
            }
        });
        for (var f = 0; f < sets.Length; f++)
        {
            misses.Append("## ").AppendLine(sets[f]).AppendJoin('\n', folds[f].Learned.Misses.Where(m => !m.Contains(" competencies: ", StringComparison.Ordinal))).Append('\n');
            table.AppendLine(Figures.Of(folds[f].Lexical).Row(sets[f], "lexical")).AppendLine(Figures.Of(folds[f].Learned).Row(sets[f], "learned (LOSO)"));
        }
        List<Report> learned = [.. folds.Select(f => f.Learned)], lexical = [.. folds.Select(f => f.Lexical)], lexicalMatcher = [.. folds.Select(f => f.LexicalMatcher)],
            noCues = [.. folds.Select(f => f.NoCues)];
        var pooledLearned = Figures.Pool(learned);
        var pooledLexical = Figures.Pool(lexical);
        table.AppendLine(pooledLexical.Row("all sets", "lexical")).AppendLine(pooledLearned.Row("all sets", "learned (LOSO)"))
            .AppendLine(Figures.Pool(lexicalMatcher).Row("all sets", "learned reader, lexical matcher"))
            .AppendLine(Figures.Pool(noCues).Row("all sets", "learned reader, lexical matcher without cues"));
        var leastSure = folds.Select(f => f.LeastSure).MinBy(x => x.Mean);
        table.Append(CultureInfo.InvariantCulture, $"\nThe labeled file read least surely out of fold: {leastSure.File}, mean confidence {leastSure.Mean:0.000} (the model abstains under {LineModel.Abstain:0.000}).\n");
        var text = table.ToString();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "jd-evaluation-loso.md"), text);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "jd-evaluation-loso-misses.md"), misses.ToString());
        TestContext.Current.SendDiagnosticMessage(text);
        // Floors a little under the figures measured on 2026-12-07 (fifth session) over all twenty-one sets in fifteen folds, the thirteen
        // measured-once acceptance sets among them (title 0.95, headers 0.96, sections 0.94, competencies 0.88; the last set, Blind13,
        // sections 0.94): they guard regressions. Over twenty sets the session before read 0.945, 0.96, 0.93, 0.87.
        Assert.True(pooledLearned.Title >= 0.93, text);
        Assert.True(pooledLearned.Headers >= 0.94, text);
        Assert.True(pooledLearned.Sections.F1 >= 0.92, text);
        Assert.True(pooledLearned.Competencies.F1 >= 0.86, text);
        Assert.True(Figures.Of(learned[^1]).Sections.F1 >= 0.91, text);
        // Every labeled file is read by the learned reader: a fold's model that abstains on one hands it to the lexical reader unmeasured.
        Assert.True(leastSure.Mean >= LineModel.Abstain, text);
    }

    /// <summary>
    /// An acceptance set read by the shipped reader and suggestions, beside the lexical reader and the learned reader with the
    /// lexical matcher, in the same run. Prints aggregates only, never a file's misses.
    /// </summary>
    static (Figures Lexical, Figures LearnedReader, Figures Learned, string Text) Measure(string folder, string set)
    {
        var competencies = RiverbendHealth.Build().Competencies;
        var matcher = new CompetencyMatcher(competencies);
        var suggesting = CompetencyMatcher.Suggesting(competencies);
        Assert.NotNull(LineModel.Shipped);
        Assert.NotNull(SuggestionModel.Shipped);
        var files = LabeledFile.All(folder);
        var lexical = Figures.Of(Evaluate(files, text => JobDescriptionParser.ParseLexical(text, matcher, EnglishWords.Instance)));
        var learnedReader = Figures.Of(Evaluate(files, text => JobDescriptionParser.Parse(text, matcher, EnglishWords.Instance)));
        var learned = Figures.Of(Evaluate(files, text => JobDescriptionParser.Parse(text, suggesting, EnglishWords.Instance)));
        var text = new StringBuilder(Figures.Head).Append('\n').AppendLine(lexical.Row(set, "lexical")).AppendLine(learnedReader.Row(set, "learned reader, lexical matcher"))
            .AppendLine(learned.Row(set, "learned reader and suggestions (shipped)")).ToString();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"jd-evaluation-{set.ToLowerInvariant()}.md"), text);
        TestContext.Current.SendDiagnosticMessage(text);
        return (lexical, learnedReader, learned, text);
    }

    /// <summary>An acceptance set's floors, a little under its once-measured figures: they guard regressions only.</summary>
    static void AtLeast(Figures learned, string text, double title, double headers, double sections, double competencies)
    {
        Assert.True(learned.Title >= title, text);
        Assert.True(learned.Headers >= headers, text);
        Assert.True(learned.Sections.F1 >= sections, text);
        Assert.True(learned.Competencies.F1 >= competencies, text);
    }

    /// <summary>Issue 18's first acceptance set (Blind/, see LABELING.md).</summary>
    [Fact]
    public void The_first_blind_acceptance_set_was_measured_once_and_is_guarded()
    {
        var (_, _, learned, text) = Measure(LabeledFile.BlindFolder, "Blind");
        // Measured once on 2026-12-03 on the model of 110a295: title 0.93, headers 0.88, sections 0.88, competencies 0.72 (LABELING.md). Floors guard regressions only.
        // No longer blind since: the reader of 2026-12-03's third session reads it 0.93, 0.85, 0.91, 0.72; with the suggestions of 2026-12-04
        // (which never trained on it and whose misses on it were never printed) competencies read 0.85.
        AtLeast(learned, text, title: 0.90, headers: 0.85, sections: 0.85, competencies: 0.82);
    }

    /// <summary>Issue 18's second acceptance set (Blind2/, written by a helper the trainer never saw; see LABELING.md), measured once at the end of 2026-12-04.</summary>
    [Fact]
    public void The_second_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind2Folder, "Blind2");
        // Measured once on 2026-12-04 on c4ec8fd: title 0.76, headers 0.82, sections 0.87, competencies 0.82 (0.75 with the lexical matcher on the
        // same reader; the lexical reader 0.38, 0.63, 0.63, 0.66). Its misses have not been printed. Floors guard regressions only.
        // Read again after the most suggestions per description was learned on the training sets (no longer blind): competencies 0.86.
        AtLeast(learned, text, title: 0.72, headers: 0.78, sections: 0.84, competencies: 0.79);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's third acceptance set (Blind3/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-05.</summary>
    [Fact]
    public void The_third_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind3Folder, "Blind3");
        // Measured once on 2026-12-05 on 38bbde2 (8-bit sentence model, wider header-key vocabulary): title 0.71, headers 0.74, sections 0.87,
        // competencies 0.84 (0.73 with the lexical matcher on the same reader; the lexical reader 0.44, 0.64, 0.62, 0.70); 33 of 35 descriptions
        // found. Its misses have not been printed. Floors guard regressions only.
        // Read again (no longer blind) after the reader's cut of a field label after an earlier cut on the same line was fixed (it
        // read the label's words from the wrong place, 2026-12-05): title 0.65, headers 0.75, sections 0.87, competencies 0.84.
        AtLeast(learned, text, title: 0.62, headers: 0.70, sections: 0.84, competencies: 0.81);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's fourth acceptance set (Blind4/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-05.</summary>
    [Fact]
    public void The_fourth_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind4Folder, "Blind4");
        // Measured once on 2026-12-05 on the models of the commit that added this test (8-bit sentence model with 16-bit embedding
        // tables): title 0.79, headers 0.73, sections 0.84, competencies 0.85 (0.73 with the lexical matcher on the same reader;
        // the lexical reader 0.58, 0.57, 0.54, 0.68); 33 of 34 descriptions found. Its misses have not been printed. Floors guard regressions only.
        AtLeast(learned, text, title: 0.75, headers: 0.70, sections: 0.81, competencies: 0.82);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's fifth acceptance set (Blind5/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-06.</summary>
    [Fact]
    public void The_fifth_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind5Folder, "Blind5");
        // Measured once on 2026-12-06 on the models of 18bb8c6 (trained on the first eight sets, as shipped): title 0.50, headers 0.65, sections 0.79,
        // competencies 0.78 (0.69 with the lexical matcher on the same reader; the lexical reader 0.31, 0.57, 0.48, 0.64); 44 of 49 descriptions
        // found. Its misses have not been printed. Floors guard regressions only.
        AtLeast(learned, text, title: 0.45, headers: 0.60, sections: 0.75, competencies: 0.74);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's sixth acceptance set (Blind6/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-06.</summary>
    [Fact]
    public void The_sixth_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind6Folder, "Blind6");
        // Measured once on 2026-12-06 on 5bf9f49's models (reader and suggestions trained on the thirteen other sets): title 0.73, headers 0.77,
        // sections 0.87, competencies 0.84 (0.74 with the lexical matcher on the same reader; the lexical reader 0.44, 0.65, 0.63, 0.73); 45 of 46
        // descriptions found. Its misses have not been printed. Floors guard regressions only.
        // Trained on since a34dbae (no longer blind): read by the models trained on it, 0.78, 0.81, 0.94, 0.87.
        AtLeast(learned, text, title: 0.68, headers: 0.72, sections: 0.83, competencies: 0.80);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's seventh acceptance set (Blind7/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-06.</summary>
    [Fact]
    public void The_seventh_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind7Folder, "Blind7");
        // Measured once on 2026-12-06 on a34dbae's models (reader and suggestions trained on the fourteen other sets): title 0.79, headers 0.89,
        // sections 0.91, competencies 0.90 (0.75 with the lexical matcher on the same reader; the lexical reader 0.37, 0.79, 0.68, 0.69); 44 of 45
        // descriptions found. Floors guard regressions only. Trained on since the last session of 2026-12-06 (no longer blind; its misses
        // were read to find what the reader lacked).
        AtLeast(learned, text, title: 0.74, headers: 0.85, sections: 0.88, competencies: 0.86);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's eighth acceptance set (Blind8/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-06.</summary>
    [Fact]
    public void The_eighth_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind8Folder, "Blind8");
        // Measured once on 2026-12-06 on models trained on the fifteen other sets, one reader change before the commit that added this test (a line
        // opening with a known "Label:" no longer wraps into the line above, found by a LayoutTests text; the models were rebuilt after it):
        // title 0.72, headers 0.72, sections 0.82, competencies 0.83 (0.77 with the lexical matcher on the same reader; the lexical reader 0.36,
        // 0.58, 0.63, 0.70); 45 of 49 descriptions found; the rebuilt models read the same figures. Floors guard regressions only. Trained on since
        // the last session of 2026-12-06 (no longer blind; out of its fold it reads 0.72, 0.72, 0.83, 0.83; read by the models trained on it,
        // 0.89, 0.94, 0.95, 0.90).
        AtLeast(learned, text, title: 0.84, headers: 0.90, sections: 0.91, competencies: 0.86);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's ninth acceptance set (Blind9/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-06, trained on since 2026-12-07.</summary>
    [Fact]
    public void The_ninth_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind9Folder, "Blind9");
        // Measured once on 2026-12-06 (last session) on the models trained on the sixteen other sets, the reader of the commit that added this test:
        // title 0.87, headers 0.81, sections 0.94, competencies 0.88 (0.78 with the lexical matcher on the same reader; the lexical reader 0.46,
        // 0.67, 0.65, 0.72); 48 of 48 descriptions found. Floors guard regressions only. Its title and header misses were printed on 2026-12-07
        // to find the layouts the reader lacked, and it is trained on since (no longer blind): out of its fold it reads 0.91, 0.91, 0.95, 0.89;
        // read by the models trained on it, 0.93, 0.95, 0.99, 0.91.
        AtLeast(learned, text, title: 0.88, headers: 0.90, sections: 0.94, competencies: 0.86);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's tenth acceptance set (Blind10/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-07.</summary>
    [Fact]
    public void The_tenth_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind10Folder, "Blind10");
        // Measured once on 2026-12-07 on 73371b4's models (reader and suggestions trained on the seventeen other sets, the markup reader and the
        // tables of fields among the reader's changes of that day): title 0.81, headers 0.81, sections 0.94, competencies 0.89 (0.79 with the
        // lexical matcher on the same reader; the lexical reader 0.35, 0.59, 0.55, 0.61); 49 of 50 descriptions found. Its misses have not been
        // printed. Floors guard regressions only. No longer blind since: on 2026-12-07 (second session) its out-of-fold misses were printed with
        // the other training sets' and it is the eighteenth of LineTraining.Sets; out of its fold it reads 0.94, 0.96, 0.95, 0.90.
        AtLeast(learned, text, title: 0.77, headers: 0.77, sections: 0.90, competencies: 0.85);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's eleventh acceptance set (Blind11/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-07.</summary>
    [Fact]
    public void The_eleventh_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind11Folder, "Blind11");
        // Measured once on 2026-12-07 (second session) on f30242d's models (reader and suggestions trained on the eighteen other sets, Blind10 the
        // newest; that session's titles in sentences, titles in two languages, colon labels across a row, wiki, AsciiDoc and CSV-table exports):
        // title 0.88, headers 0.80, sections 0.90, competencies 0.88 (0.76 with the lexical matcher on the same reader; the lexical reader 0.44,
        // 0.61, 0.66, 0.69); 50 of 50 descriptions found. Floors guard regressions only. No longer blind since the third session of 2026-12-07:
        // it is the nineteenth of LineTraining.Sets and its out-of-fold misses were printed with the other training sets'.
        AtLeast(learned, text, title: 0.84, headers: 0.76, sections: 0.87, competencies: 0.85);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's twelfth acceptance set (Blind12/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-07.</summary>
    [Fact]
    public void The_twelfth_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind12Folder, "Blind12");
        // Measured once on 2026-12-07 (third session) on da74774's models (reader and suggestions trained on the nineteen other sets, Blind11 the
        // newest; that session's column-by-column forms, JSON-LD, the weighing of a doubtful reading against the lexical one): title 0.69,
        // headers 0.78, sections 0.92, competencies 0.88 (0.74 with the lexical matcher on the same reader; the lexical reader 0.19, 0.60, 0.62,
        // 0.69); 49 of 50 descriptions found. Floors guard regressions only. No longer blind since the fourth session of 2026-12-07: it is the
        // twentieth of LineTraining.Sets and its out-of-fold misses were printed with the other training sets'.
        AtLeast(learned, text, title: 0.65, headers: 0.74, sections: 0.89, competencies: 0.85);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's thirteenth acceptance set (Blind13/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-07.</summary>
    [Fact]
    public void The_thirteenth_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind13Folder, "Blind13");
        // Measured once on 2026-12-07 (fourth session) on the models of the commit that added this test (reader and suggestions trained on the
        // twenty other sets, Blind12 the newest; that session's RTF source, escaped Markdown, wiki infoboxes, section-numbered and continued
        // headings, working titles and series covers): title 0.75, headers 0.79, sections 0.88, competencies 0.89 (0.73 with the lexical
        // matcher on the same reader; the lexical reader 0.21, 0.55, 0.55, 0.66); 48 of 50 descriptions found. Floors guard regressions only. No longer blind since the
        // fifth session of 2026-12-07: it is the twenty-first of LineTraining.Sets and its out-of-fold misses were printed with the other training sets'.
        AtLeast(learned, text, title: 0.71, headers: 0.75, sections: 0.85, competencies: 0.86);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }

    /// <summary>Issue 18's fourteenth acceptance set (Blind14/, written by a helper the trainer never saw; see LABELING.md), measured once on 2026-12-07.</summary>
    [Fact]
    public void The_fourteenth_blind_acceptance_set_is_measured_once()
    {
        var (_, learnedReader, learned, text) = Measure(LabeledFile.Blind14Folder, "Blind14");
        // Measured once on 2026-12-07 (fifth session) on 449ff47's models (reader and suggestions trained on the twenty-one other sets, Blind13
        // the newest; that session's PDF field dumps, database rows, BBCode, field lists, bracketed label notes, watermarks and later openings):
        // title 0.83, headers 0.78, sections 0.88, competencies 0.84 (0.72 with the lexical matcher on the same reader; the lexical reader 0.33,
        // 0.54, 0.48, 0.65); 49 of 50 descriptions found. Its misses have not been printed. Floors guard regressions only.
        AtLeast(learned, text, title: 0.79, headers: 0.74, sections: 0.85, competencies: 0.81);
        Assert.True(learned.Competencies.F1 > learnedReader.Competencies.F1, text);
    }
}
