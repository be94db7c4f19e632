using CareersPipeline.Core.Features.SignUps;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// A sign-up an adviser fills in with the person: the public sign-up (<see cref="SignUp"/>, checked by the same
/// validator and stored by the same service as the public doors; its consent wording version is the one the adviser
/// showed), plus what an outreach adviser records: languages spoken, whether an interpreter is needed, how right to work
/// was evidenced (the document type only), and the person's qualification-recognition and English-language needs.
/// </summary>
public sealed record AssistedRegistrationInput
{
    public SignUpRequest? SignUp { get; init; }
    public string? LanguagesSpoken { get; init; }
    public bool? InterpreterNeeded { get; init; }
    public string? RightToWorkEvidence { get; init; }
    public string? QualificationRecognitionNeeds { get; init; }
    public string? EnglishLanguageNeeds { get; init; }
}
