namespace CareersPipeline.Core.Features.Applications;

/// <summary>An invitation to interview: in person (<see cref="Place"/>) or by video (<see cref="VideoLink"/>).</summary>
public sealed record InterviewInvitation(
    DateOnly Date,
    TimeOnly Time,
    string? Place,
    string? VideoLink,
    string? WhatToBring,
    InterviewResponse Response = InterviewResponse.Awaiting,
    string? ResponseNote = null);
