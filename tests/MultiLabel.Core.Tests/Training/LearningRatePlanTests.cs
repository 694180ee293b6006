using MultiLabel.Training;

namespace MultiLabel.Tests.Training;

public class LearningRatePlanTests
{
    [Fact]
    public void One_cycle_warms_up_to_the_peak_then_anneals_far_below_the_start()
    {
        var plan = new LearningRatePlan(LearningRateSchedule.OneCycle, totalSteps: 1000);

        Assert.Equal(1e-3 / 25, plan.At(0, 1e-3), 12);
        Assert.Equal(1e-3, plan.At(299, 1e-3), 9);
        Assert.True(plan.At(150, 1e-3) is > 1e-3 / 25 and < 1e-3);
        Assert.Equal(1e-3 / 25 / 1e4, plan.At(999, 1e-3), 12);
        double previous = double.MaxValue;
        for (int step = 300; step < 1000; step += 50)
        {
            Assert.True(plan.At(step, 1e-3) <= previous);
            previous = plan.At(step, 1e-3);
        }
    }

    [Fact]
    public void Constant_keeps_the_peak()
    {
        var plan = new LearningRatePlan(LearningRateSchedule.Constant, totalSteps: 10);

        Assert.All(Enumerable.Range(0, 10), s => Assert.Equal(0.01, plan.At(s, 0.01)));
    }
}
