using MultiLabel.Data;

namespace MultiLabel.Server.Batching;

/// <summary>A decoded image waiting in the batcher's queue for its probabilities.</summary>
internal sealed class PendingImage(DecodedImage image, CancellationToken requestAborted)
{
    private readonly TaskCompletionSource<float[]> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The pixels, at the model's input size.</summary>
    public DecodedImage Image => image;

    /// <summary>True when the request that sent it has gone; it is then left out of the pass.</summary>
    public bool Abandoned => requestAborted.IsCancellationRequested;

    /// <summary>One probability per label, once the pass that took it has run.</summary>
    public Task<float[]> Probabilities => completion.Task;

    public void Complete(float[] probabilities) => completion.TrySetResult(probabilities);

    public void Fail(Exception error) => completion.TrySetException(error);

    public void Abandon() => completion.TrySetCanceled(requestAborted);
}
