<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names and the index (see common_names.xsl). An indexed name is a link to its index entry;
  the entry shows the name as the document's authority list gives it, the other forms the
  text uses, links to Wikidata, VIAF or GeoNames, and links back to every occurrence.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:name-html-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="($name/@xml:id, 'tk-name-' || tk:name-occurrence($name))[1]"/>
  </xsl:function>

  <!-- Whether an element holds something that is itself a link (a link cannot hold a link). -->
  <xsl:function name="tk:holds-links" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e//*[self::note[tk:is-footnote(.)] or self::ref[@target] or self::ptr
                                       or tk:is-indexed-name(.)])"/>
  </xsl:function>

  <xsl:template match="persName | placeName | orgName | rs | name">
    <xsl:param name="tk:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="entry" select="if ($index and tk:is-indexed-name(.)) then tk:name-entry(.) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($entry) and not($tk:in-link) and not(tk:holds-links(.))">
        <a href="#{$entry?id}" id="{tk:name-html-id(.)}">
          <xsl:sequence select="tk:attrs(., 'tk-name', false())"/>
          <xsl:apply-templates>
            <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
            <xsl:with-param name="tk:in-link" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:when test="exists($entry)">
        <!-- inside a link, or holding one: a span the index links back to -->
        <span id="{tk:name-html-id(.)}">
          <xsl:sequence select="tk:attrs(., 'tk-name', false())"/>
          <xsl:apply-templates>
            <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The index of the whole page, by category, entries in alphabetical order. -->
  <xsl:template name="tk:index">
    <xsl:if test="$index and exists($tk:index-entries)">
      <section class="tk-index" aria-labelledby="tk-index-title">
        <h2 id="tk-index-title"><xsl:value-of select="tk:label('index')"/></h2>
        <xsl:for-each select="('persons', 'places', 'orgs', 'other')">
          <xsl:variable name="category" select="."/>
          <xsl:variable name="entries" select="$tk:index-entries[?category = $category]"/>
          <xsl:if test="exists($entries)">
            <section class="tk-index-{$category}">
              <h3><xsl:value-of select="tk:label($category)"/></h3>
              <ul>
                <xsl:for-each select="$entries">
                  <xsl:sort select="?label" collation="http://www.w3.org/2013/collation/UCA?lang=en;strength=secondary"/>
                  <xsl:call-template name="tk:index-entry">
                    <xsl:with-param name="entry" select="."/>
                  </xsl:call-template>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tk:index-entry">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:variable name="links" select="tk:authority-links($entry)"/>
    <li id="{$entry?id}">
      <xsl:if test="$entry?entity">
        <xsl:sequence select="tk:attrs($entry?entity, 'tk-index-entry', false())"/>
      </xsl:if>
      <span class="tk-index-label"><xsl:value-of select="$entry?label"/></span>
      <xsl:variable name="other-forms" select="$entry?forms[. ne $entry?label]"/>
      <xsl:if test="exists($other-forms)">
        <xsl:text> </xsl:text>
        <span class="tk-index-forms">
          <xsl:value-of select="string-join($other-forms, '; ')"/>
        </span>
      </xsl:if>
      <xsl:for-each select="1 to count($links) idiv 2">
        <xsl:text> </xsl:text>
        <a class="tk-authority" href="{$links[2 * current()]}">
          <xsl:value-of select="$links[2 * current() - 1]"/>
        </a>
      </xsl:for-each>
      <xsl:text> </xsl:text>
      <span class="tk-index-occurrences">
        <xsl:for-each select="$entry?names">
          <a class="tk-backlink" href="#{tk:name-html-id(.)}"
             aria-label="{tk:label('backlink-occurrence') || ' ' || position()}">
            <xsl:value-of select="position()"/>
          </a>
          <xsl:if test="position() ne last()">
            <xsl:text> </xsl:text>
          </xsl:if>
        </xsl:for-each>
      </span>
    </li>
  </xsl:template>

</xsl:stylesheet>
