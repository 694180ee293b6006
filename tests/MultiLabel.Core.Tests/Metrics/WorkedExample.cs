namespace MultiLabel.Tests.Metrics;

/// <summary>
/// Four images, three labels, worked out by hand once for the tests of this folder.
/// </summary>
/// <remarks>
/// <code>
///            probabilities        targets     decisions at 0.5   outcome (a, b, c)
///            a    b    c          a  b  c     a  b  c
///   image 0  0.9  0.2  0.6        1  0  1     1  0  1            TP TN TP   all right
///   image 1  0.4  0.7  0.1        1  1  0     0  1  0            FN TP TN
///   image 2  0.8  0.3  0.2        0  0  0     1  0  0            FP TN TN
///   image 3  0.1  0.6  0.3        0  1  0     0  1  0            TN TP TN   all right
///
///   a: TP 1  FP 1  FN 1  TN 1  support 2  precision 1/2  recall 1/2  F1 2/(2+1+1) = 1/2
///   b: TP 2  FP 0  FN 0  TN 2  support 2  precision 1    recall 1    F1 1
///   c: TP 1  FP 0  FN 0  TN 3  support 1  precision 1    recall 1    F1 1
///
///   binary accuracy 10/12   hamming loss 2/12   exact match 2/4
///   micro F1: TP 4, FP 1, FN 1 → 8/(8+1+1) = 0.8
///   macro F1: (1/2 + 1 + 1)/3 = 5/6      weighted F1: (1/2·2 + 1·2 + 1·1)/5 = 0.8
///
///   AP a: scores by rank 0.9(+) 0.8(−) 0.4(+) 0.1(−) → 1·1/2 + 2/3·1/2 = 5/6
///   AP b: 0.7(+) 0.6(+) first → 1;  AP c: 0.6(+) first → 1;  mean AP (5/6 + 1 + 1)/3 = 17/18
/// </code>
/// </remarks>
internal static class WorkedExample
{
    public const int LabelCount = 3;

    public static readonly string[] Labels = ["a", "b", "c"];

    public static readonly float[] Probabilities =
    [
        0.9f, 0.2f, 0.6f,
        0.4f, 0.7f, 0.1f,
        0.8f, 0.3f, 0.2f,
        0.1f, 0.6f, 0.3f,
    ];

    public static readonly float[] Targets =
    [
        1, 0, 1,
        1, 1, 0,
        0, 0, 0,
        0, 1, 0,
    ];

    /// <summary>Feeds the example as batches of 1, 2 and 1 images.</summary>
    public static void UpdateInBatches(Action<float[], float[]> update)
    {
        foreach (var (start, count) in new[] { (0, 1), (1, 2), (3, 1) })
        {
            var range = new Range(start * LabelCount, (start + count) * LabelCount);
            update(Probabilities[range], Targets[range]);
        }
    }
}
