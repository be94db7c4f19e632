using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>A consent change staff recorded: whether it changed anything (false when it already said so), and the consent now.</summary>
public sealed record StaffConsentChanged(bool Changed, ConsentView Current);
