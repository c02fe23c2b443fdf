/**
 * Several inputs as one stream in timestamp order (ties: the order the files were given), like
 * mergecap; an input that fails stops alone and its error is reported after the others end.
 */
package io.portflow.capture.merge;
