/**
 * {@code --progress}: a one-line progress bar on standard error while capture files are read
 * (bytes read of the total, rate, time left), drawn by a thread of its own so that reading pays
 * nothing for it.
 */
package io.portflow.cli.progress;
