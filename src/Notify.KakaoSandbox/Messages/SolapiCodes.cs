namespace Notify.KakaoSandbox.Messages;

/// <summary>The SOLAPI message status codes the sandbox reports (solapi/documents, api-reference/message-status-codes.md).</summary>
internal static class SolapiCodes
{
    /// <summary>정상 접수: accepted, not yet handed on.</summary>
    public const string Accepted = "2000";

    /// <summary>이통사로 접수: handed on, waiting for the report.</summary>
    public const string Sending = "3000";

    /// <summary>수신 완료: delivered.</summary>
    public const string Delivered = "4000";

    /// <summary>서버 오류: the provider's own failure.</summary>
    public const string ServerError = "3024";

    /// <summary>카카오톡 미사용자: the recipient does not use KakaoTalk.</summary>
    public const string NotKakaoUser = "3104";

    /// <summary>필수 입력 값 미입력: a required field is missing.</summary>
    public const string Missing = "1010";

    /// <summary>잘못된 메시지 타입.</summary>
    public const string WrongType = "1025";

    /// <summary>유효한 커스텀 필드 값이 아닙니다 (names up to 30, values up to 100 characters).</summary>
    public const string BadCustomField = "1032";

    /// <summary>What each code says, for statusMessage.</summary>
    public static string Describe(string code) => code switch
    {
        Accepted => "정상 접수(이통사로 접수 예정)",
        Sending => "이통사로 접수(리포트를 기다리는 중)",
        Delivered => "수신 완료",
        ServerError => "서버 오류",
        NotKakaoUser => "카카오톡 미사용자",
        Missing => "필수 입력 값 미입력",
        WrongType => "잘못된 메시지 타입",
        BadCustomField => "유효한 커스텀 필드 값이 아닙니다.",
        "3103" => "메시지와 템플릿 불일치",
        "3105" => "미등록 템플릿",
        "3107" => "72시간 이내 카카오톡 미사용자, 알림톡 차단한 사용자",
        _ => $"샌드박스 실패 (코드 {code})",
    };
}
