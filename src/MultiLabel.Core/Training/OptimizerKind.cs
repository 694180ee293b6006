namespace MultiLabel.Training;

/// <summary>The optimiser a run uses.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with L2 weight decay folded into the gradient (the original Keras recipe uses no decay).</summary>
    Adam,
    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
    /// <summary>SGD with Nesterov momentum 0.9.</summary>
    Sgd,
}
