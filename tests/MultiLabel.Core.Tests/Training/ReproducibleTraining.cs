namespace MultiLabel.Tests.Training;

/// <summary>
/// Tests that compare training runs bit for bit. libtorch's random generator and thread count are
/// process-wide, so these run alone: no other test may draw random numbers or change threads meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReproducibleTraining
{
    public const string Name = "Reproducible training (runs alone)";
}
