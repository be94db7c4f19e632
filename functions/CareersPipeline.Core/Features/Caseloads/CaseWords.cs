using System.Text;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>Enum names as words ("QualificationRecognition" reads "qualification recognition"), for summaries and pages.</summary>
public static class CaseWords
{
    public static string Of<T>(T? value)
        where T : struct, Enum => value is { } known ? Of(known) : "none";

    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }
}
