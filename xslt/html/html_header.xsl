<?xml version="1.0" encoding="UTF-8"?>
<!--
  The title block of a document (or a corpus): its title as the page heading, then a list of
  the header's fields (common_header.xsl): author, date, first publication, source,
  responsibilities (transcriber, encoding...), licence.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Context: a TEI or teiCorpus element. -->
  <xsl:template name="tk:title-block">
    <xsl:variable name="fields" select="tk:title-block(.)"/>
    <header class="tk-title-block">
      <xsl:element name="h{tk:doc-level(.)}">
        <xsl:attribute name="class" select="'tk-doc-title'"/>
        <xsl:variable name="title" select="$fields[?key = 'title']?nodes"/>
        <xsl:choose>
          <xsl:when test="exists($title)">
            <xsl:apply-templates select="$title/node()" mode="tk:header"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="tk:main-title(.)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:element>
      <xsl:for-each select="$fields[?key = 'subtitle']?nodes">
        <p class="tk-subtitle"><xsl:apply-templates mode="tk:header"/></p>
      </xsl:for-each>
      <xsl:variable name="rest" select="$fields[not(?key = ('title', 'subtitle'))]"/>
      <xsl:if test="exists($rest)">
        <dl class="tk-meta">
          <xsl:for-each select="$rest">
            <div class="tk-meta-{?key}">
              <dt><xsl:value-of select="?label"/></dt>
              <dd>
                <xsl:for-each select="?nodes">
                  <xsl:if test="position() gt 1">
                    <xsl:text>; </xsl:text>
                  </xsl:if>
                  <xsl:apply-templates select="." mode="tk:header"/>
                </xsl:for-each>
              </dd>
            </div>
          </xsl:for-each>
        </dl>
      </xsl:if>
      <xsl:call-template name="tk:hook-title-block"/>
    </header>
  </xsl:template>

  <!-- Header content is phrasing content in a dd: elements become spans, links stay links. -->
  <xsl:template match="*" mode="tk:header">
    <span class="tk-{local-name()}">
      <xsl:apply-templates mode="tk:header"/>
    </span>
  </xsl:template>

  <xsl:template match="title" mode="tk:header">
    <cite class="tk-title{@level ! (' tk-level-' || .)}">
      <xsl:apply-templates mode="tk:header"/>
    </cite>
  </xsl:template>

  <xsl:template match="date[tk:datetime(@when)]" mode="tk:header">
    <time datetime="{tk:datetime(@when)}">
      <xsl:apply-templates mode="tk:header"/>
      <xsl:if test="not(normalize-space())">
        <xsl:value-of select="@when"/>
      </xsl:if>
    </time>
  </xsl:template>

  <xsl:template match="*[@target][matches(@target, '^https?://')] | ptr" mode="tk:header">
    <a href="{@target}" class="tk-{local-name()}">
      <xsl:apply-templates mode="tk:header"/>
      <xsl:if test="not(normalize-space())">
        <xsl:value-of select="@target"/>
      </xsl:if>
    </a>
  </xsl:template>

  <!-- A bibliographic entry made of elements only (no text of its own between them): its parts
       separated by commas. -->
  <xsl:template match="bibl[not(text()[normalize-space()])] | biblStruct" mode="tk:header">
    <span class="tk-{local-name()}">
      <xsl:for-each select="tk:bibl-parts(.)">
        <xsl:if test="position() gt 1">
          <xsl:text>, </xsl:text>
        </xsl:if>
        <xsl:apply-templates select="." mode="tk:header"/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- Parts of a bibliographic entry that follow one another with nothing between them
       (<publisher>...</publisher><date>...</date>) get a comma between them. -->
  <xsl:template match="*[parent::bibl[text()[normalize-space()]]][preceding-sibling::node()[1][self::*]]" mode="tk:header" priority="2">
    <xsl:text>, </xsl:text>
    <xsl:next-match/>
  </xsl:template>

  <!-- A witness of a critical apparatus: its siglum, then what it is. -->
  <xsl:template match="witness" mode="tk:header">
    <span class="tk-witness">
      <xsl:if test="normalize-space(@n)">
        <span class="tk-siglum"><xsl:value-of select="normalize-space(@n)"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates mode="tk:header"/>
    </span>
  </xsl:template>

  <xsl:template match="biblScope" mode="tk:header">
    <span class="tk-biblScope"><xsl:value-of select="tk:bibl-scope(.)"/></span>
  </xsl:template>

  <xsl:template match="note | pb | lb" mode="tk:header" priority="3"/>

  <!-- An identifier: a link to its authority (Wikidata, VIAF, GeoNames), or nothing. -->
  <xsl:template match="idno" mode="tk:header" priority="3">
    <xsl:variable name="link" select="tk:authority-pair(lower-case(@type), normalize-space(.))"/>
    <xsl:if test="exists($link)">
      <xsl:text> </xsl:text>
      <a class="tk-authority" href="{$link[2]}"><xsl:value-of select="$link[1]"/></a>
    </xsl:if>
  </xsl:template>

  <!-- A note given as a field's value (a bibliographic entry as stated) is shown, not dropped. -->
  <xsl:template match="note[@type = 'asStated']" mode="tk:header" priority="4">
    <span class="tk-note tk-type-asStated"><xsl:apply-templates mode="tk:header"/></span>
  </xsl:template>

</xsl:stylesheet>
