namespace CareersPipeline.Core.Places;

public sealed record Place(double Latitude, double Longitude, string? AdminDistrict, string? Region, string? IcbCode);
