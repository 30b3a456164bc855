<?xml version="1.0" encoding="UTF-8"?>
<!--
  The TEI core: paragraphs, highlighting, foreign words, titles, quotations and citations,
  lists, line and page breaks, milestones, dates, labels, bibliographic references.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="p | ab">
    <xsl:call-template name="tk:container">
      <xsl:with-param name="block-name" select="'p'"/>
      <xsl:with-param name="inner-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="hi">
    <xsl:call-template name="tk:inline"/>
  </xsl:template>

  <xsl:template match="emph">
    <xsl:call-template name="tk:inline">
      <xsl:with-param name="name" select="'em'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="foreign | mentioned | term | gloss | distinct">
    <xsl:call-template name="tk:inline"/>
  </xsl:template>

  <xsl:template match="title">
    <xsl:call-template name="tk:inline">
      <xsl:with-param name="name" select="'cite'"/>
      <xsl:with-param name="classes" select="@level ! ('tk-level-' || .)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Quotations: a block quotation is a blockquote; an inline one a span with the marks the
       stylesheet supplies when its text carries none (see common_quotations.xsl). -->
  <xsl:template match="q | said | quote | soCalled">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="tk:is-block-quotation(.)">
        <xsl:call-template name="tk:container">
          <xsl:with-param name="block-name" select="'blockquote'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:sequence select="tk:attrs(., ())"/>
          <xsl:call-template name="tk:quotation-content"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tk:quotation-content">
    <xsl:variable name="open" select="tk:open-mark(.)"/>
    <xsl:variable name="close" select="tk:close-mark(.)"/>
    <xsl:if test="$open"><span class="tk-mark"><xsl:value-of select="$open"/></span></xsl:if>
    <xsl:apply-templates>
      <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:if test="$close"><span class="tk-mark"><xsl:value-of select="$close"/></span></xsl:if>
  </xsl:template>

  <!-- A citation: a block one is a figure (blockquote and its source as the caption); an inline
       one keeps its quotation inline and its source after it. -->
  <xsl:template match="cit">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="tk:is-block-cit(.) and not($tk:phrasing)">
        <figure>
          <xsl:sequence select="tk:attrs(., ())"/>
          <xsl:apply-templates select="node() except (bibl | biblStruct | ref[not(tk:is-noteref(.))])"/>
          <xsl:if test="bibl | biblStruct | ref[not(tk:is-noteref(.))]">
            <figcaption class="tk-cit-source">
              <xsl:apply-templates select="bibl | biblStruct | ref[not(tk:is-noteref(.))]">
                <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
              </xsl:apply-templates>
            </figcaption>
          </xsl:if>
        </figure>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A bibliographic entry: a paragraph where it stands as a block, else a cite. One made of
       elements only (<author/><title/><date/>, a biblStruct) shows its parts separated by commas,
       never run together. -->
  <xsl:template match="bibl | biblStruct">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if (not($tk:phrasing) and tk:stands-as-block(.)) then 'p' else 'cite'}">
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:apply-templates select="." mode="tk:item-content"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="bibl | biblStruct" mode="tk:item-content">
    <xsl:choose>
      <xsl:when test="tk:element-only(.)">
        <xsl:for-each select="tk:bibl-parts(., true())">
          <xsl:if test="position() gt 1 and not(self::note)">
            <xsl:text>, </xsl:text>
          </xsl:if>
          <xsl:apply-templates select=".">
            <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates>
          <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An address: its lines, one under the other. -->
  <xsl:template match="address">
    <xsl:call-template name="tk:block-or-inline">
      <xsl:with-param name="block-name" select="'p'"/>
      <xsl:with-param name="inner-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="addrLine">
    <xsl:call-template name="tk:inline">
      <xsl:with-param name="classes" select="'tk-block'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Lists: ul, ol (type or rend ordered / numbered) or dl (when items have labels); a list of
       bibliographic entries; a cast list (html_drama.xsl). Whatever stands between items (a page
       break, a note) goes into the next item, so that the list holds list items only. -->
  <xsl:template match="list | listBibl">
    <xsl:call-template name="tk:list">
      <xsl:with-param name="item-names" select="if (self::listBibl) then ('bibl', 'biblStruct') else 'item'"/>
      <xsl:with-param name="kind" select="
          if (label) then 'dl'
          else if (@type = ('ordered', 'numbered') or tk:rend-tokens(@rend) = ('numbered', 'ordered', 'decimal')) then 'ol'
          else 'ul'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A list-like element: its heads, then its items (a div, or a span inside running text). -->
  <xsl:template name="tk:list">
    <xsl:param name="item-names" as="xs:string+"/>
    <xsl:param name="kind" as="xs:string" select="'ul'"/>
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else 'div'}">
      <xsl:sequence select="tk:attrs(., if ($tk:phrasing) then 'tk-block' else ())"/>
      <xsl:apply-templates select="head"/>
      <xsl:call-template name="tk:list-items">
        <xsl:with-param name="item-names" select="$item-names"/>
        <xsl:with-param name="kind" select="$kind"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <xsl:template name="tk:list-items">
    <xsl:param name="item-names" as="xs:string+"/>
    <xsl:param name="kind" as="xs:string" select="'ul'"/>
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="kind" select="if ($tk:phrasing) then 'span' else $kind"/>
    <xsl:variable name="item-element" select="if ($kind = 'span') then 'span' else if ($kind = 'dl') then 'dd' else 'li'"/>
    <xsl:element name="{$kind}">
      <xsl:attribute name="class" select="'tk-items'"/>
      <xsl:for-each-group select="node()[not(self::head)][not(self::text()[not(normalize-space())])]"
          group-ending-with="*[local-name() = $item-names]">
        <xsl:variable name="item" select="current-group()[self::*[local-name() = $item-names]]"/>
        <xsl:variable name="label" select="current-group()[self::label][$kind = 'dl']"/>
        <xsl:variable name="extras" select="current-group() except ($item, $label)"/>
        <xsl:if test="$kind = 'dl' and exists($item)">
          <dt class="tk-label">
            <xsl:apply-templates select="$extras, $label/node()"/>
          </dt>
        </xsl:if>
        <xsl:element name="{$item-element}">
          <xsl:choose>
            <xsl:when test="empty($item)">
              <!-- after the last item: kept, in an item of its own -->
              <xsl:attribute name="class" select="string-join(('tk-list-extra', $kind[. = 'span'] ! 'tk-block'), ' ')"/>
              <xsl:apply-templates select="current-group()"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="tk:attrs($item, $kind[. = 'span'] ! 'tk-block')"/>
              <xsl:apply-templates select="if ($kind = 'dl') then () else $extras"/>
              <xsl:apply-templates select="$item" mode="tk:item-content"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:element>
      </xsl:for-each-group>
    </xsl:element>
  </xsl:template>

  <!-- What an item holds in its list item: its content (a cast group: its own list). -->
  <xsl:template match="*" mode="tk:item-content">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="item | label">
    <xsl:call-template name="tk:inline"/>
  </xsl:template>

  <!-- A line break: a br, except inside a word (tk:break-joins) or at the edge of its block,
       where it breaks nothing (an empty span keeps its id and class). -->
  <xsl:template match="lb">
    <xsl:element name="{if (tk:break-joins(.) or tk:break-at-edge(.)) then 'span' else 'br'}">
      <xsl:sequence select="tk:attrs(., ())"/>
    </xsl:element>
  </xsl:template>

  <!-- White space next to a break inside a word is layout (light <lb break="no"/>house). -->
  <xsl:template match="text()[$tk:breaks-in-words][tk:next-to-break-no(.)]">
    <xsl:value-of select="tk:trim-at-breaks(.)"/>
  </xsl:template>

  <!-- A page break: its number in the margin, drawn by the style sheet from data-n, so that
       copying the text never copies page numbers into it (ex<pb n="173"/>press stays one word).
       A page with a facsimile (@facs: an image's address, or a surface or graphic of the
       header's facsimile) links to the image. -->
  <xsl:template match="pb">
    <xsl:param name="tk:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="n" select="normalize-space(@n)"/>
    <xsl:variable name="facs" select="if ($page-numbers and not($tk:in-link)) then tk:facsimile-url(@facs) else ()"/>
    <xsl:variable name="label" select="string-join(((tk:label('page') || ' ' || $n)[$n],
                                                    $facs ! tk:label('facsimile')), ' · ')"/>
    <xsl:element name="{if (exists($facs)) then 'a' else 'span'}">
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:if test="$page-numbers and ($n or exists($facs))">
        <xsl:attribute name="data-n" select="($n[.], '↗')[1]"/>
        <xsl:attribute name="title" select="$label"/>
      </xsl:if>
      <xsl:if test="exists($facs)">
        <xsl:attribute name="href" select="$facs"/>
        <xsl:attribute name="aria-label" select="$label"/>
      </xsl:if>
    </xsl:element>
    <xsl:call-template name="tk:break-space"/>
  </xsl:template>

  <!-- After a page or column break between two words with nothing between them: a space, when
       the break is not inside a word (harbour<pb break="yes"/>lights). -->
  <xsl:template name="tk:break-space">
    <xsl:if test="tk:break-needs-space(.)">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The address of the image a @facs points at: the pointer itself when it is an address, the
       url of the graphic it names, or of the first graphic of the surface or zone it names. -->
  <xsl:function name="tk:facsimile-url" as="xs:string?">
    <xsl:param name="facs" as="attribute()?"/>
    <xsl:variable name="first" select="tokenize(normalize-space($facs), ' ')[1]"/>
    <xsl:variable name="url" select="
        if (empty($first)) then ()
        else if (starts-with($first, '#'))
        then (for $e in key('tk:id', substring($first, 2), root($facs))[1]
              return ($e/self::graphic, $e//graphic, $e/ancestor::surface[1]/graphic)[1]/@url)
        else $first"/>
    <xsl:sequence select="tk:image-href($url)"/>
  </xsl:function>

  <xsl:template match="milestone">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else 'hr'}">
      <xsl:sequence select="tk:attrs(., @unit ! ('tk-unit-' || .))"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="cb">
    <span>
      <xsl:sequence select="tk:attrs(., ())"/>
    </span>
    <xsl:call-template name="tk:break-space"/>
  </xsl:template>

  <xsl:template match="anchor">
    <span>
      <xsl:sequence select="tk:attrs(., ())"/>
    </span>
  </xsl:template>

  <!-- A space the text leaves (space): a space. -->
  <xsl:template match="space">
    <span>
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:text> </xsl:text>
    </span>
  </xsl:template>

  <!-- Dates and times: a time element when @when is a date HTML understands. -->
  <xsl:template match="date | time">
    <xsl:variable name="datetime" select="tk:datetime(@when)"/>
    <xsl:choose>
      <xsl:when test="$datetime">
        <time datetime="{$datetime}">
          <xsl:sequence select="tk:attrs(., ())"/>
          <xsl:apply-templates>
            <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="tk:datetime" as="xs:string?">
    <xsl:param name="when" as="attribute()?"/>
    <xsl:sequence select="$when[matches(., '^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|--[0-9]{2}-[0-9]{2})$')] ! string(.)"/>
  </xsl:function>

</xsl:stylesheet>
