using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MultiLabel.Training;

/// <summary>Builds the optimiser of a run with two parameter groups: backbone, then head.</summary>
internal static class OptimizerFactory
{
    public static OptimizerHelper Create(TrainingOptions options, Parameter[] backbone, Parameter[] head)
    {
        double backboneRate = options.LearningRate, headRate = options.HeadLearningRate ?? options.LearningRate;
        double decay = options.WeightDecay;
        return options.Optimizer switch
        {
            // Keras' Adam uses epsilon 1e-7 (PyTorch 1e-8); the original recipe is a Keras one.
            OptimizerKind.Adam => optim.Adam(
                [new Adam.ParamGroup(backbone, lr: backboneRate, eps: 1e-7, weight_decay: decay),
                 new Adam.ParamGroup(head, lr: headRate, eps: 1e-7, weight_decay: decay)]),
            OptimizerKind.AdamW => optim.AdamW(
                [new AdamW.ParamGroup(backbone, lr: backboneRate, weight_decay: decay),
                 new AdamW.ParamGroup(head, lr: headRate, weight_decay: decay)]),
            OptimizerKind.Sgd => optim.SGD(
                [new SGD.ParamGroup(backbone, lr: backboneRate, momentum: 0.9, nesterov: true, weight_decay: decay),
                 new SGD.ParamGroup(head, lr: headRate, momentum: 0.9, nesterov: true, weight_decay: decay)], backboneRate),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimizer."),
        };
    }
}
