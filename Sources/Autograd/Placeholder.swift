public enum AutogradPlaceholder {}
