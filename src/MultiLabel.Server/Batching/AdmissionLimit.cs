namespace MultiLabel.Server.Batching;

/// <summary>
/// Sheds load: at most <see cref="ServeOptions.MaxQueuedImages"/> images are in the prediction pipeline at once (being
/// decoded, waiting in the batcher's queue, or in the pass that runs), counted per request before any is decoded. A
/// request that would go past the limit is refused whole at once (503 with <c>Retry-After</c>) instead of waiting: under
/// overload the requests taken keep their latency, and the others learn at once that they should retry. A request larger
/// than the limit is still taken when nothing else is queued, so it is never refused for ever.
/// </summary>
internal sealed class AdmissionLimit(ServeOptions options)
{
    private int held;

    /// <summary>Images in the pipeline now.</summary>
    public int Held => Volatile.Read(ref held);

    /// <summary>Takes room for <paramref name="images"/> images; null when the pipeline is full.</summary>
    public Admission? TryEnter(int images)
    {
        while (true)
        {
            int now = Volatile.Read(ref held);
            if (now > 0 && now + images > options.MaxQueuedImages) return null;
            if (Interlocked.CompareExchange(ref held, now + images, now) == now) return new Admission(this, images);
        }
    }

    /// <summary>Room for one request's images, given back once when disposed.</summary>
    internal sealed class Admission(AdmissionLimit limit, int images) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) Interlocked.Add(ref limit.held, -images);
        }
    }
}
