using MultiLabel.Data;
using MultiLabel.Training;

namespace MultiLabel.Persistence.Records;

/// <summary>
/// The names files use for the recipe's enumerations, fixed here once so that renaming an enum member never
/// changes a file (they are the snake_case names format 1 has always written).
/// </summary>
internal static class Names
{
    private static readonly Dictionary<Type, (Enum Value, string Name)[]> Table = new()
    {
        [typeof(OptimizerKind)] = [(OptimizerKind.Adam, "adam"), (OptimizerKind.AdamW, "adam_w"), (OptimizerKind.Sgd, "sgd")],
        [typeof(LearningRateSchedule)] = [(LearningRateSchedule.Constant, "constant"), (LearningRateSchedule.OneCycle, "one_cycle")],
        [typeof(MonitorMetric)] =
        [
            (MonitorMetric.Loss, "loss"), (MonitorMetric.BinaryAccuracy, "binary_accuracy"), (MonitorMetric.ExactMatch, "exact_match"),
            (MonitorMetric.MacroF1, "macro_f1"), (MonitorMetric.MeanAveragePrecision, "mean_average_precision"),
        ],
        [typeof(SplitMethod)] = [(SplitMethod.Random, "random"), (SplitMethod.Stratified, "stratified")],
        [typeof(LossKind)] = [(LossKind.Bce, "bce"), (LossKind.Asl, "asl"), (LossKind.Focal, "focal")],
        [typeof(PositiveWeighting)] = [(PositiveWeighting.None, "none"), (PositiveWeighting.Auto, "auto")],
    };

    /// <summary>The stored name of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        Table[typeof(T)].First(e => e.Value.Equals(value)).Name;

    /// <summary>The value stored as <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">No value of <typeparamref name="T"/> is stored under that name.</exception>
    public static T Parse<T>(string name, string field) where T : struct, Enum
    {
        foreach (var (value, stored) in Table[typeof(T)])
            if (stored == name) return (T)value;
        throw new InvalidDataException($"its {field} '{name}' is not one this build knows ({string.Join(", ", Table[typeof(T)].Select(e => e.Name))})");
    }
}
