namespace MultiLabel.Training;

/// <summary>
/// A training run whose loss or validation scores stopped being numbers: it stopped at once and kept what it had saved
/// from its last good epoch. The message says where it diverged, what is kept and what to change, naming settings by
/// property (<see cref="Mentioned"/>) so a shell can spell them its own way, as for a <see cref="SettingException"/>.
/// </summary>
public sealed class TrainingDivergedException(string message, params string[] mentioned) : Exception(message)
{
    /// <summary>The settings the message names, e.g. <c>LearningRate</c>.</summary>
    public IReadOnlyList<string> Mentioned { get; } = mentioned;
}
