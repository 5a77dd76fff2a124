/** Implementation: the JSON reader and writer and the report renderers. Not an API. */
package org.ssekit.conformance.internal;
