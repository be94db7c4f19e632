namespace CareersPipeline.Core.Features.Applications;

/// <summary>An invitation to interview: date (yyyy-MM-dd), time (HH:mm), and a place or a video link.</summary>
public sealed record InviteInput(string? Date = null, string? Time = null, string? Place = null, string? VideoLink = null, string? WhatToBring = null);
