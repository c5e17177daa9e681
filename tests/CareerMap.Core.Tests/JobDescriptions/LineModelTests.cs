using CareerMap.JobDescriptions;
using Microsoft.ML;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>
/// The model shipped in Core (<c>src/CareerMap.Core/JobDescriptions/line-model.zip</c>) is the one the labeled sets build:
/// training is deterministic (one thread, fixed seed), so a fresh rebuild reads a sample of descriptions exactly as the
/// shipped model does. To rebuild it after changing the sets, the features or the trainer, run this class with
/// <c>CAREERMAP_WRITE_LINE_MODEL=1</c>: it writes the new model over the shipped one.
/// </summary>
public sealed class LineModelTests
{
    static readonly Lazy<(LineModel Model, ITransformer Pipeline, IDataView Rows)> Fitted = new(() => LineTraining.Fit(LineTraining.Sets));
    static readonly Lazy<LineModel> Fresh = new(() => Fitted.Value.Model);

    [Fact]
    public void The_weights_read_every_training_piece_as_the_ml_net_pipeline_that_learned_them()
    {
        var (model, pipeline, rows) = Fitted.Value;
        var ml = new MLContext(seed: 1);
        var expected = ml.Data.CreateEnumerable<LineTraining.Prediction>(pipeline.Transform(rows), reuseRowObject: false).ToList();
        var pieces = ml.Data.CreateEnumerable<LineTraining.Row>(rows, reuseRowObject: false).Select(r => r.Tokens).ToList();
        var read = pieces.Select(p => model.Classify(p)).ToList();
        Assert.True(pieces.Count > 2000, $"only {pieces.Count} pieces");
        for (var i = 0; i < pieces.Count; i++)
        {
            Assert.True(expected[i].PredictedLabel == read[i].Label, $"piece {i} ({pieces[i]}): ML.NET {expected[i].PredictedLabel}, weights {read[i].Label}");
            Assert.Equal(expected[i].Score.Max(), read[i].Confidence, 0.0005f);
        }
    }

    [Fact]
    public void The_shipped_model_reads_as_a_fresh_rebuild_from_the_labeled_sets()
    {
        var fresh = Fresh.Value;
        if (Environment.GetEnvironmentVariable("CAREERMAP_WRITE_LINE_MODEL") == "1")
        {
            using var file = File.Create(LineTraining.ShippedPath("line-model.zip"));
            fresh.Save(file);
        }
        var shipped = LineModel.Shipped;
        Assert.NotNull(shipped);
        var sample = LineTraining.Sets.SelectMany(s => LineTraining.LoadSet(s).Take(3)).ToList();
        foreach (var file in sample)
        {
            var segments = fresh.Segments(file.Text);
            Assert.Equal(segments.Select(s => s.Text), shipped.Segments(file.Text).Select(s => s.Text));
            Assert.Equal(fresh.Classify(segments).Select(v => v.Label), shipped.Classify(segments).Select(v => v.Label));
        }
    }

    [Fact]
    public void A_saved_model_loads_and_reads_the_same()
    {
        var fresh = Fresh.Value;
        using var buffer = new MemoryStream();
        fresh.Save(buffer);
        buffer.Position = 0;
        var loaded = LineModel.Load(buffer);
        var file = LineTraining.LoadSet("Layouts").First();
        var segments = fresh.Segments(file.Text);
        Assert.Equal(fresh.Classify(segments), loaded.Classify(segments));
    }
}
