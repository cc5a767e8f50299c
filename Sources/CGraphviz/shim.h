// Graphviz's layout and rendering API (libgvc) and its graph library (libcgraph).
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
