using MultiLabel.Inference;
using MultiLabel.Tests.Inference;

namespace MultiLabel.Tests.Runs;

/// <summary>A small evaluation worked out by hand, from a scripted engine over four real images.</summary>
internal static class WorkedEvaluation
{
    // The worked example. Model labels: black, blue, dress, shirt. Images (sorted by path) and their targets:
    //   a black_dress  1 0 1 0   scores .9  .2 .8 .1  → black, dress          all right
    //   b black_dress  1 0 1 0   scores .25 .3 .7 .6  → dress, shirt          black missed, shirt wrong
    //   c blue_dress   0 1 1 0   scores .1  .8 .6 .2  → blue, dress           all right
    //   d purple_hat   0 0 0 0   scores .3  .1 .2 .7  → shirt                 shirt wrong (labels unknown to the model)
    // 3 wrong of 16 decisions; exact match 2/4. black: P 1, R 1/2, F1 2/3; blue, dress: 1; shirt has no positives:
    // P 0, R 0, F1 0 (2 FP), AP undefined. Micro F1 = 2·5/(2·5+2+1) = 10/13; macro F1 = (2/3+1+1+0)/4 = 2/3.
    // AP black: ranking a+ d− b+ c− → (1 + 2/3)/2 = 5/6; blue, dress 1 → mAP (5/6+1+1)/3 = 17/18.
    public static readonly float[][] Scores =
    [
        [0.9f, 0.2f, 0.8f, 0.1f],
        [0.25f, 0.3f, 0.7f, 0.6f],
        [0.1f, 0.8f, 0.6f, 0.2f],
        [0.3f, 0.1f, 0.2f, 0.7f],
    ];

    /// <summary>The four images, in label folders, inside <paramref name="folder"/>.</summary>
    public static string Data(TempFolder folder)
    {
        folder.CopyImages(TestData.Samples, "data", 2, "black_dress");
        folder.Copy(Directory.GetFiles(Path.Combine(TestData.Samples, "blue_dress"))[0], "data/blue_dress/c.jpg");
        folder.Copy(Directory.GetFiles(Path.Combine(TestData.Samples, "red_shoes"))[0], "data/purple_hat/d.jpg");
        return folder.Combine("data");
    }

    /// <summary>A predictor that answers with <see cref="Scores"/> over the labels black, blue, dress, shirt.</summary>
    public static Predictor Predictor() =>
        new(TestModel.ManifestFor(["black", "blue", "dress", "shirt"]), new ScriptedEngine(Scores));
}
