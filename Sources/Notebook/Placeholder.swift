import CCmark
import PyInterpreter
public enum NotebookPlaceholder {}
