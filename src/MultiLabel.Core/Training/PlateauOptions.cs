namespace MultiLabel.Training;

/// <summary>ReduceLROnPlateau: multiply the learning rate by <see cref="Factor"/> after <see cref="Patience"/> epochs without improvement.</summary>
public sealed record PlateauOptions
{
    /// <summary>Epochs without improvement before the rate is lowered.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Multiplier applied to the learning rate.</summary>
    public double Factor { get; init; } = 0.5;

    /// <summary>The rate is never lowered below this.</summary>
    public double MinLearningRate { get; init; } = 1e-6;

    /// <summary>Throws a <see cref="SettingException"/> naming the first value that cannot work.</summary>
    public void Validate()
    {
        if (Patience < 1) throw new SettingException("Plateau.Patience", $"Plateau.Patience {Patience} must be at least 1 epoch.");
        if (!(Factor > 0 && Factor < 1)) throw new SettingException("Plateau.Factor", $"Plateau.Factor {Factor} must lie strictly between 0 and 1.");
        if (!(MinLearningRate >= 0) || double.IsInfinity(MinLearningRate))
            throw new SettingException("Plateau.MinLearningRate", $"Plateau.MinLearningRate {MinLearningRate} must be zero or a positive number.");
    }
}
