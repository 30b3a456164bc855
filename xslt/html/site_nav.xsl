<?xml version="1.0" encoding="UTF-8"?>
<!--
  The navigation of a site `teikit build` makes: every page links to the list of works and to
  the corpus indexes of persons, places and organisations (their file names are also in
  src/teikit/build/site.py, which writes them).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    exclude-result-prefixes="#all">

  <!-- (label key, file) of each corpus page, in the order of the navigation -->
  <xsl:variable name="tk:site-pages" as="array(xs:string+)"
      select="[('works', 'index.html'), ('persons', 'persons.html'), ('places', 'places.html'),
               ('orgs', 'organisations.html')]"/>

  <xsl:template name="tk:site-nav">
    <xsl:param name="current" as="xs:string" select="''"/>
    <nav class="tk-site-nav" aria-label="{tk:label('site-navigation')}">
      <ul>
        <xsl:for-each select="1 to array:size($tk:site-pages)">
          <xsl:variable name="entry" select="$tk:site-pages(.)"/>
          <li>
            <a href="{$entry[2]}">
              <xsl:if test="$entry[1] = $current">
                <xsl:attribute name="aria-current" select="'page'"/>
              </xsl:if>
              <xsl:value-of select="tk:label($entry[1])"/>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>

</xsl:stylesheet>
