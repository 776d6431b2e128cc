/** Files on disk: the output folder, MP3s downloaded, checked and joined, atomic writes, checksums, the holder file. */
package com.akoolnarrator.storage;
