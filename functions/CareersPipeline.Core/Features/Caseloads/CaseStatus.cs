namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>Where a case is. Closing needs an outcome or a reason (<see cref="CaseService.CloseAsync"/>).</summary>
public enum CaseStatus
{
    /// <summary>Taken onto a caseload; the adviser has not started working with the person yet.</summary>
    Open,

    /// <summary>The adviser and the person are working together.</summary>
    Active,

    /// <summary>Paused (the person asked for a break, is travelling, is unwell).</summary>
    OnHold,

    /// <summary>Finished, with an outcome or the reason there is none.</summary>
    Closed,
}
