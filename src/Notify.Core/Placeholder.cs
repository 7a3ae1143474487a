namespace Notify; internal static class Placeholder {}
