using System.Text.Json;
using MultiLabel.Bench;
using MultiLabel.Native;

// The C# side of bench/run.sh. One task per process, one JSON object on stdout:
//   images      --data DIR --size S --count N --out FILE    decode real images into a raw uint8 file
//   train-bare  --model M --size S --batch B --steps N       forward+loss+backward+Adam step on in-memory tensors
//   train-fit   --model M --size S --batch B --data DIR [--images N] [--steps K]   Learner.Fit epoch on real images
//   infer       --engine torch|onnx --size S --batch B --images FILE [--count N]   inference over decoded images
//   pipeline    --data DIR --size S --batch B             ms to build one training batch (copy, cast, augment, normalise)
//   step-profile --data DIR [--model M --size S --fixed yes]   where a training step's time goes
//   epoch-profile --data DIR [--images N --epochs E]     every step and validation of a default-recipe Learner.Fit timed
// Every task takes --threads T (libtorch intra-op threads).
if (args.Length == 0) { Console.Error.WriteLine("usage: PeerBench <images|train-bare|train-fit|infer> [--options]"); return 64; }
var arguments = new Arguments(args.Skip(1));
TorchRuntime.Configure(arguments.Int("threads", 0));
var result = args[0] switch
{
    "images" => ImageDump.Run(arguments),
    "train-bare" => BareTraining.Run(arguments),
    "train-fit" => FitTraining.Run(arguments),
    "infer" => Inference.Run(arguments),
    "pipeline" => Pipeline.Run(arguments),
    "step-profile" => StepProfile.Run(arguments),
    "epoch-profile" => EpochProfile.Run(arguments),
    _ => throw new ArgumentException($"Unknown task {args[0]}"),
};
result["task"] = args[0];
result["peak_rss_mb"] = result.TryGetValue("peak_rss_mb", out var rss) ? rss : PeakRss.Megabytes();
Console.WriteLine(JsonSerializer.Serialize(result));
return 0;
