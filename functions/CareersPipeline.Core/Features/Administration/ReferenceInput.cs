namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// An admin's answers about a school, event, programme or employer, as sent. <see cref="Code"/> is read only when
/// adding; <see cref="Date"/> (yyyy-MM-dd) is an event's or programme's; <see cref="LevyPayer"/> and
/// <see cref="Sector"/> an employer's.
/// </summary>
public sealed record ReferenceInput(string? Code, string? Name, string? Postcode, string? Detail, string? Date, bool? LevyPayer, string? Sector);
