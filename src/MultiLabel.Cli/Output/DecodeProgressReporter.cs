using MultiLabel.Data;

namespace MultiLabel.Cli.Output;

/// <summary>Shows decoding progress on stderr, with how many images came from the cache.</summary>
internal sealed class DecodeProgressReporter(bool quiet) : IProgress<DecodeProgress>
{
    private readonly ProgressLine line = new("decoding images", quiet);

    public void Report(DecodeProgress value) => line.Show(value.Done, value.Total, $" ({value.FromCache} from cache)");
}
