using System.Diagnostics;
using MultiLabel.Data;
using MultiLabel.Metrics;
using MultiLabel.Models;
using MultiLabel.Training.Callbacks;
using MultiLabel.Training.Losses;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MultiLabel.Training;

/// <summary>
/// Trains a <see cref="MultiLabelNetwork"/> with the recipe's loss on its logits: shuffled,
/// augmented batches, one optimiser step each, a validation pass with every multi-label metric after
/// each epoch, callbacks for everything else. <see cref="Fit"/> returns the <see cref="History"/>.
/// </summary>
/// <remarks>
/// Runs are reproducible for a seed: shuffles and augmentation draw from the run's own
/// <see cref="RandomSource"/>, weights and dropout from libtorch's generator, which is process-wide —
/// two runs in one process at the same time (or other code drawing from it) break bit-for-bit equality.
/// </remarks>
public sealed class Learner : IDisposable
{
    private readonly TrainingOptions options;
    private readonly Device device;
    private readonly BatchLoader trainLoader;
    private readonly BatchLoader evalLoader;
    private readonly OptimizerHelper optimizer;
    private readonly double[] peakRates;
    private MultiLabelLoss? loss;

    /// <summary>Prepares to train <paramref name="network"/> (already on <paramref name="device"/>) as <paramref name="options"/> say.</summary>
    public Learner(MultiLabelNetwork network, TrainingOptions options, Device device)
    {
        options.Validate();
        Network = network;
        this.options = options;
        this.device = device;
        var normalization = options.ResolveNormalization();
        trainLoader = new BatchLoader(normalization, options.Augmentation, device);
        evalLoader = new BatchLoader(normalization, null, device);
        peakRates = [options.LearningRate, options.HeadLearningRate ?? options.LearningRate];
        optimizer = OptimizerFactory.Create(options, network.BackboneParameters().ToArray(), network.HeadParameters().ToArray());
    }

    /// <summary>The network being trained.</summary>
    public MultiLabelNetwork Network { get; }

    /// <summary>
    /// Trains on <paramref name="train"/> and validates on <paramref name="validation"/> after every
    /// epoch. When <paramref name="cancellationToken"/> fires, the current step finishes, callbacks get
    /// <see cref="ICallback.OnInterrupted"/> (to save a checkpoint) and the history returns marked
    /// <see cref="History.Interrupted"/>. <paramref name="resume"/> continues a run from its snapshot.
    /// </summary>
    public History Fit(LabeledImages train, LabeledImages validation, IReadOnlyList<ICallback> callbacks, string fingerprint,
        TrainingSnapshot? resume = null, CancellationToken cancellationToken = default)
    {
        if (train.Count == 0) throw new ArgumentException("There are no training images.", nameof(train));
        if (validation.Count == 0) throw new ArgumentException("There are no validation images.", nameof(validation));
        if (resume != null && resume.Fingerprint != fingerprint)
            throw new ArgumentException("The snapshot belongs to a run with another recipe or other data.", nameof(resume));
        loss?.Dispose();
        loss = new MultiLabelLoss(options.Loss,
            options.PositiveWeight == PositiveWeighting.Auto ? PositiveWeights.FromTargets(train.Targets, train.LabelCount) : null, device);
        int batchSize = options.BatchSize;
        int steps = StepsPerEpoch(train.Count, batchSize);
        var plan = new LearningRatePlan(options.Schedule, steps * options.Epochs);
        var history = new History(resume?.History);
        var state = new FitState(options.Seed);
        FitContext context = null!;
        context = new FitContext(options, history, steps, train.Count, validation.Count,
            includeState => Snapshot(state, history, context, fingerprint, includeState), s => Network.save(s), SaveOptimizer);
        if (resume != null)
        {
            using (var reader = new BinaryReader(new MemoryStream(resume.ModelState))) Network.load(reader);
            using (var reader = new BinaryReader(new MemoryStream(resume.OptimizerState))) optimizer.load_state_dict(reader);
            using (var generator = tensor(resume.TorchRandomState)) torch.random.set_rng_state(generator);
            state.Restore(resume);
            context.LearningRateScale = resume.LearningRateScale;
        }

        foreach (var callback in callbacks) callback.OnFitStart(context);
        for (; state.Epoch <= options.Epochs; state.NextEpoch())
        {
            context.Epoch = state.Epoch;
            SetBackboneFrozen(state.Epoch <= options.FreezeBackboneEpochs);
            state.BeginEpoch(train.Count);
            Network.train();
            using var reader = new BatchReadAhead(train.Images, state.Order, batchSize, state.Step);
            while (state.Step < steps)
            {
                if (cancellationToken.IsCancellationRequested) return Interrupt();
                var clock = Stopwatch.StartNew();
                var pixels = reader.Next(out int step);
                var batch = reader.Indices(step);
                SetLearningRates(plan, (state.Epoch - 1) * steps + state.Step, context.LearningRateScale);
                var (loss, right) = TrainStep(train, pixels, batch, state.Random);
                if (!double.IsFinite(loss)) return Diverge(state.Step + 1, $"the training loss became {loss}");
                state.AddStep(loss, right, batch.Length, clock.Elapsed.TotalSeconds);
                var record = new BatchRecord(state.Epoch, options.Epochs, state.Step, steps, state.LossSum / state.Seen, state.Rate,
                    TimeSpan.FromSeconds((train.Count - state.Seen) / Math.Max(state.Rate, 1e-9)));
                foreach (var callback in callbacks) callback.OnBatchEnd(context, record);
            }
            if (cancellationToken.IsCancellationRequested) return Interrupt();

            var (valLoss, probabilities) = Evaluate(validation, cancellationToken);
            if (probabilities == null) return Interrupt();
            if (!double.IsFinite(valLoss) || Array.Exists(probabilities, p => !float.IsFinite(p)))
                return Diverge(0, "the validation scores stopped being numbers");
            var epochRecord = Record(state.Epoch, state.LossSum / state.Seen, (double)state.Correct / (state.Seen * train.LabelCount),
                valLoss, probabilities, validation, state.Seconds, state.Rate);
            history.Add(epochRecord);
            context.ClearRequests();
            foreach (var callback in callbacks) callback.OnEpochEnd(context, epochRecord);
            context.LearningRateScale *= context.PendingLearningRateFactor;
            if (context.StopRequest is { } reason)
            {
                history.StopReason = reason;
                break;
            }
        }
        foreach (var callback in callbacks) callback.OnFitEnd(context, history);
        return history;

        // Nothing of a diverged epoch reaches the callbacks, so the last.ckpt and best model on disk stay those of the last good epoch.
        History Diverge(int step, string what)
        {
            history.Diverged = new History.Divergence(state.Epoch, step, what);
            history.StopReason = $"Training diverged in epoch {state.Epoch}: {what}.";
            return history;
        }

        History Interrupt()
        {
            foreach (var callback in callbacks) callback.OnInterrupted(context);
            history.Interrupted = true;
            return history;
        }
    }

    /// <summary>
    /// Steps in an epoch of <paramref name="images"/> at <paramref name="batchSize"/>: a last batch of a single image is folded
    /// into the one before it (batch normalisation cannot normalise one image: its variance is undefined and poisons the
    /// running statistics with NaN), so that step takes <paramref name="batchSize"/> + 1 images.
    /// </summary>
    public static int StepsPerEpoch(int images, int batchSize) => BatchReadAhead.Count(images, batchSize); // the batches the reader hands out

    /// <summary>The whole state of the fit; the network and optimiser states only when <paramref name="includeState"/>.</summary>
    private TrainingSnapshot Snapshot(FitState state, History history, FitContext context, string fingerprint, bool includeState)
    {
        byte[] modelState = [], optimizerState = [];
        if (includeState)
        {
            using var modelStream = new MemoryStream();
            Network.save(modelStream);
            modelState = modelStream.ToArray();
            using var optimizerStream = new MemoryStream();
            SaveOptimizer(optimizerStream);
            optimizerState = optimizerStream.ToArray();
        }
        using var torchState = torch.random.get_rng_state();
        bool epochDone = history.Epochs.Count >= state.Epoch;
        var position = state.Position(epochDone);
        return new TrainingSnapshot
        {
            Fingerprint = fingerprint,
            Options = options,
            Epoch = position.Epoch,
            Step = position.Step,
            EpochOrder = position.Order,
            RandomState = state.Random.State,
            TorchRandomState = torchState.data<byte>().ToArray(),
            ModelState = modelState,
            OptimizerState = optimizerState,
            LearningRateScale = context.LearningRateScale * (epochDone ? context.PendingLearningRateFactor : 1),
            PartialLossSum = position.LossSum,
            PartialCorrect = position.Correct,
            PartialImages = position.Seen,
            PartialSeconds = position.Seconds,
            History = history.Epochs.ToArray(),
        };
    }

    private void SaveOptimizer(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        optimizer.save_state_dict(writer);
    }

    /// <summary>
    /// Mean loss and sigmoid probabilities (row-major <c>[N, labels]</c>) of the network on <paramref name="data"/>; null
    /// probabilities when cancelled. The loss is the one <see cref="Fit"/> trains (with its positive weights), unweighted before any fit.
    /// </summary>
    public (double Loss, float[]? Probabilities) Evaluate(LabeledImages data, CancellationToken cancellationToken = default)
    {
        Network.eval();
        using var noGrad = torch.no_grad();
        var probabilities = new float[data.Count * data.LabelCount];
        double lossSum = 0;
        loss ??= new MultiLabelLoss(options.Loss, device: device);
        int batchSize = Math.Max(options.BatchSize, 32);
        using var reader = new BatchReadAhead(data.Images, Enumerable.Range(0, data.Count).ToArray(), batchSize);
        for (int b = 0; b < reader.Batches; b++)
        {
            if (cancellationToken.IsCancellationRequested) return (double.NaN, null);
            var pixels = reader.Next(out _);
            var batch = reader.Indices(b);
            int start = b * batchSize;
            using var scope = NewDisposeScope();
            var logits = Network.forward(evalLoader.Inputs(pixels, batch.Length, data.Images.Height, data.Images.Width));
            var targets = evalLoader.Targets(data, batch);
            lossSum += loss.Sum(logits, targets).item<float>();
            logits.sigmoid().to(CPU).data<float>().CopyTo(probabilities, start * data.LabelCount);
        }
        return (lossSum / probabilities.Length, probabilities);
    }

    private (double Loss, long Correct) TrainStep(LabeledImages train, ReadOnlySpan<byte> pixels, ReadOnlySpan<int> batch, RandomSource random)
    {
        using var scope = NewDisposeScope();
        var inputs = trainLoader.Inputs(pixels, batch.Length, train.Images.Height, train.Images.Width, random);
        var targets = trainLoader.Targets(train, batch);
        var logits = Network.forward(inputs);
        var value = loss!.Mean(logits, targets);
        float lossValue = value.item<float>();
        if (!float.IsFinite(lossValue)) return (lossValue, 0); // no step: the weights stay those of the last good step
        optimizer.zero_grad();
        value.backward();
        optimizer.step();
        // sigmoid(x) ≥ 0.5 exactly when x ≥ 0
        long right = logits.detach().ge(0).eq(targets.ge(0.5)).sum().item<long>();
        return (lossValue, right);
    }

    private EpochRecord Record(int epoch, double loss, double accuracy, double valLoss, float[] probabilities,
        LabeledImages validation, double seconds, double imagesPerSecond)
    {
        var evaluator = new MultiLabelEvaluator(Enumerable.Range(0, validation.LabelCount).Select(i => i.ToString()).ToArray(),
            Enumerable.Repeat(0.5f, validation.LabelCount).ToArray());
        evaluator.Update(probabilities, validation.Targets);
        var values = new List<KeyValuePair<string, double>> { new("epoch", epoch), new("lr", CurrentRate(0)) };
        if (options.HeadLearningRate != null) values.Add(new("head_lr", CurrentRate(1)));
        values.Add(new("loss", loss));
        values.Add(new("binary_accuracy", accuracy));
        values.Add(new("val_loss", valLoss));
        foreach (var (name, value) in evaluator.Compute().SummaryMetrics()) values.Add(new("val_" + name, value));
        values.Add(new("seconds", seconds));
        values.Add(new("images_per_second", imagesPerSecond));
        return new EpochRecord(epoch, values);
    }

    private double CurrentRate(int group) => optimizer.ParamGroups.ElementAt(Math.Min(group, optimizer.ParamGroups.Count() - 1)).LearningRate;

    private void SetLearningRates(LearningRatePlan plan, int globalStep, double scale)
    {
        int g = 0;
        foreach (var group in optimizer.ParamGroups)
        {
            double peak = peakRates[Math.Min(g, peakRates.Length - 1)];
            double rate = plan.At(globalStep, peak) * scale;
            // Reductions never take the rate below the plateau floor (Keras: max(lr × factor, min_lr)).
            if (scale < 1 && options.Plateau is { } plateau) rate = Math.Max(rate, Math.Min(plateau.MinLearningRate, peak));
            group.LearningRate = rate;
            g++;
        }
    }

    private void SetBackboneFrozen(bool frozen)
    {
        foreach (var parameter in Network.BackboneParameters()) parameter.requires_grad = !frozen;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        loss?.Dispose();
        optimizer.Dispose();
        trainLoader.Dispose();
        evalLoader.Dispose();
    }
}
